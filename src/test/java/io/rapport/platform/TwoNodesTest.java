package io.rapport.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.RapportApplication;
import io.rapport.platform.testing.TestDatabases;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two Rapport processes on one PostgreSQL database serve the same users: a session made on one node
 * is valid on the other, both publish the same signing keys, and a restart keeps both.
 */
class TwoNodesTest {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final Pattern SESSION = Pattern.compile("RAPPORT_SESSION=([^;]+)");

  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @Test
  void aSessionAndTheSigningKeysSurviveMovingToAnotherNodeAndARestart() throws Exception {
    Map<String, Object> shared = sharedSettings();
    ConfigurableApplicationContext first = start(shared);
    ConfigurableApplicationContext second = start(shared);
    try {
      String email = "two-nodes-" + UUID.randomUUID() + "@example.com";
      String session = signUp(port(first), email);

      assertThat(homePage(port(second), session)).contains("signed in as " + email);
      assertThat(get(port(second), "/oauth2/jwks", null).body())
          .isEqualTo(get(port(first), "/oauth2/jwks", null).body());

      String keysBefore = get(port(first), "/oauth2/jwks", null).body();
      first.close();
      first = start(shared);

      assertThat(homePage(port(first), session)).contains("signed in as " + email);
      assertThat(get(port(first), "/oauth2/jwks", null).body()).isEqualTo(keysBefore);
    } finally {
      first.close();
      second.close();
    }
  }

  private static Map<String, Object> sharedSettings() throws Exception {
    byte[] masterKey = new byte[32];
    new SecureRandom().nextBytes(masterKey);
    Path dataDir = Files.createTempDirectory("rapport-two-nodes-");
    Map<String, Object> settings = new HashMap<>(TestDatabases.postgresProperties());
    settings.put("server.port", "0");
    settings.put("rapport.data-dir", dataDir.toString());
    settings.put("rapport.master-key", Base64.getEncoder().encodeToString(masterKey));
    return settings;
  }

  /** Settings go in as command-line arguments, which outrank application.yaml. */
  private static ConfigurableApplicationContext start(Map<String, Object> settings) {
    String[] arguments =
        settings.entrySet().stream()
            .map(setting -> "--" + setting.getKey() + "=" + setting.getValue())
            .toArray(String[]::new);
    return new SpringApplicationBuilder(RapportApplication.class).run(arguments);
  }

  private static int port(ConfigurableApplicationContext context) {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  /** Signs up through the page and returns the session cookie's value. */
  private String signUp(int port, String email) throws Exception {
    HttpResponse<String> form = get(port, "/signup", null);
    String session = cookie(form);
    Matcher csrf = CSRF.matcher(form.body());
    assertThat(csrf.find()).isTrue();
    String body =
        "email="
            + encode(email)
            + "&password="
            + encode("a sufficiently long passphrase")
            + "&_csrf="
            + encode(csrf.group(1));
    HttpRequest post =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/signup"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Cookie", "RAPPORT_SESSION=" + session)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> created = http.send(post, HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).isEqualTo(302);
    return cookie(created);
  }

  private String homePage(int port, String session) throws Exception {
    return get(port, "/", session).body();
  }

  private HttpResponse<String> get(int port, String path, String session) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (session != null) {
      request.header("Cookie", "RAPPORT_SESSION=" + session);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String cookie(HttpResponse<?> response) {
    return response.headers().allValues("Set-Cookie").stream()
        .map(SESSION::matcher)
        .filter(Matcher::find)
        .map(matcher -> matcher.group(1))
        .reduce((first, last) -> last)
        .orElseThrow(() -> new AssertionError("No session cookie in " + response.headers()));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
