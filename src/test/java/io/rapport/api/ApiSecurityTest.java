package io.rapport.api;

import static io.rapport.api.ApiClient.encode;
import static io.rapport.api.ApiClient.ok;
import static io.rapport.api.ApiClient.problem;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.rapport.identity.AccountService;
import io.rapport.identity.ApplicationDefinition;
import io.rapport.identity.ApplicationRegistry;
import io.rapport.identity.SigningKeys;
import io.rapport.platform.testing.RapportAppTest;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import tools.jackson.databind.JsonNode;

@RapportAppTest
class ApiSecurityTest {

  private static final String USERS = "/api/v1/users?limit=1";
  private static final String PASSWORD = "correct horse battery staple";
  private static final String REDIRECT = "http://127.0.0.1:9/callback";

  @LocalServerPort int port;
  @Autowired ApplicationRegistry registry;
  @Autowired AccountService accountService;
  @Autowired SigningKeys signingKeys;

  private ApiClient api;
  private String someUser;

  @BeforeEach
  void client() {
    api = new ApiClient(port);
    someUser =
        accountService
            .signUp(
                "security." + UUID.randomUUID() + "@example.com",
                PASSWORD,
                api.base(),
                Locale.ENGLISH,
                "127.0.0.1")
            .id();
  }

  @Test
  void requestWithoutATokenIsUnauthorizedAndAsksForABearerToken() throws Exception {
    HttpResponse<String> response = api.get(USERS, null);

    JsonNode problem = problem(response, 401);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
    assertThat(problem.get("detail").asString()).contains("client-credentials");
    assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/users");
  }

  @Test
  void garbageTokenIsUnauthorized() throws Exception {
    HttpResponse<String> response = api.get(USERS, "not.a.token");

    problem(response, 401);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
    problem(api.get(USERS, "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."), 401);
  }

  @Test
  void expiredTokenIsUnauthorized() throws Exception {
    String clientId = ApiClient.registerClient(registry, "users:read");

    ok(api.get(USERS, signedToken(clientId, Instant.now().minusSeconds(60), signingKeys)));
    problem(
        api.get(USERS, signedToken(clientId, Instant.now().minusSeconds(3600), signingKeys)), 401);
  }

  @Test
  void tokenSignedWithAKeyRapportDoesNotPublishIsUnauthorized() throws Exception {
    String clientId = ApiClient.registerClient(registry, "users:read");
    RSAKey stranger = new RSAKeyGenerator(2048).keyID(signingKeys.activeKeyId()).generate();

    String forged =
        signedToken(clientId, Instant.now(), new ImmutableJWKSet<>(new JWKSet(stranger)));

    problem(api.get(USERS, forged), 401);
  }

  @Test
  void tokenWithoutTheProfilesScopeIsForbiddenFromProfiles() throws Exception {
    String token = api.token(registry, "users:read");

    ok(api.get("/api/v1/users/" + someUser, token));
    HttpResponse<String> response = api.get("/api/v1/users/" + someUser + "/profile", token);

    JsonNode problem = problem(response, 403);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(value -> assertThat(value).contains("insufficient_scope"));
    assertThat(problem.get("detail").asString()).contains("scope");
  }

  @Test
  void tokenWithoutTheUsersScopeIsForbiddenFromUsers() throws Exception {
    String token = api.token(registry, "profiles:read");

    ok(api.get("/api/v1/users/" + someUser + "/profile", token));
    problem(api.get(USERS, token), 403);
    problem(api.get("/api/v1/users/" + someUser, token), 403);
  }

  @Test
  void methodsAndPathsTheApiDoesNotHaveAreForbidden() throws Exception {
    String token = api.token(registry, "users:read", "profiles:read");

    problem(api.get("/api/v1/applications", token), 403);
    problem(api.post("/api/v1/users", "Bearer " + token, "email=x@example.com"), 403);
    problem(api.post("/api/v1/users", null, "email=x@example.com"), 401);
  }

  @Test
  void clientGetsOnlyItsOwnScopesAndOnlyWithItsSecret() throws Exception {
    String clientId = ApiClient.registerClient(registry, "users:read");

    assertThat(api.requestToken(clientId, "wrong-secret-wrong-secret", "users:read").statusCode())
        .isEqualTo(401);
    HttpResponse<String> wider = api.requestToken(clientId, ApiClient.SECRET, "profiles:read");
    assertThat(wider.statusCode()).isEqualTo(400);
    assertThat(ApiClient.json(wider).get("error").asString()).isEqualTo("invalid_scope");
  }

  @Test
  void tokenFromAUserSignInIsRefusedEvenWithTheApiScopes() throws Exception {
    String userToken = signInThroughPublicClient("users:read profiles:read");

    HttpResponse<String> response = api.get(USERS, userToken);

    problem(response, 401);
    problem(api.get("/api/v1/users/" + someUser + "/profile", userToken), 401);
  }

  /**
   * A client-credentials token as the authorization server makes one, signed with the keys under
   * the active key's id and valid for ten minutes from {@code issued}.
   */
  private String signedToken(String clientId, Instant issued, JWKSource<SecurityContext> keys) {
    JwtClaimsSet claims =
        JwtClaimsSet.builder()
            .subject(clientId)
            .audience(List.of(clientId))
            .issuedAt(issued)
            .notBefore(issued)
            .expiresAt(issued.plusSeconds(600))
            .claim("scope", List.of("users:read"))
            .build();
    JwsHeader header =
        JwsHeader.with(SignatureAlgorithm.RS256).keyId(signingKeys.activeKeyId()).build();
    return new NimbusJwtEncoder(keys)
        .encode(JwtEncoderParameters.from(header, claims))
        .getTokenValue();
  }

  /**
   * Signs a user in through a public client with PKCE, as a browser would, and returns the access
   * token the client gets for the scopes.
   */
  private String signInThroughPublicClient(String scopes) throws Exception {
    String email = "signin." + UUID.randomUUID() + "@example.com";
    accountService.signUp(email, PASSWORD, api.base(), Locale.ENGLISH, "127.0.0.1");
    String clientId = registerPublicClient(scopes);
    String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();

    String code = signInForCode(email, authorizeUrl(clientId, scopes, challengeOf(verifier)));

    String exchange =
        "grant_type=authorization_code&client_id=%s&code=%s&redirect_uri=%s&code_verifier=%s";
    JsonNode token =
        ok(
            api.post(
                "/oauth2/token",
                null,
                exchange.formatted(clientId, encode(code), encode(REDIRECT), verifier)));
    assertThat(token.get("scope").asString()).contains("users:read");
    return token.get("access_token").asString();
  }

  private String registerPublicClient(String scopes) {
    String clientId = "public-" + UUID.randomUUID();
    List<String> allowed = List.of(scopes.split(" "));
    registry.register(
        new ApplicationDefinition(
            clientId, null, List.of(REDIRECT), null, null, null, allowed, null),
        ApplicationRegistry.ORIGIN_CONSOLE,
        "api-test");
    return clientId;
  }

  private static String authorizeUrl(String clientId, String scopes, String challenge) {
    return "/oauth2/authorize?response_type=code&client_id=%s&redirect_uri=%s&scope=%s&state=s1"
            .formatted(clientId, encode(REDIRECT), encode("openid " + scopes))
        + "&code_challenge=%s&code_challenge_method=S256".formatted(challenge);
  }

  /**
   * Follows the authorization request through the sign-in page to the redirect with the code.
   * Cookies are carried by hand: the session cookie is marked secure, and Java's cookie manager
   * would not send it over plain HTTP.
   */
  private String signInForCode(String email, String authorize) throws Exception {
    Browser browser = new Browser(api.base());
    assertThat(browser.get(authorize).statusCode()).isEqualTo(302);
    String form = browser.get("/login").body();

    HttpResponse<String> signedIn =
        browser.post(
            "/login",
            "email=" + encode(email) + "&password=" + encode(PASSWORD) + "&_csrf=" + csrf(form));
    String resumed = location(signedIn);
    String callback = location(browser.get(resumed.substring(api.base().length())));

    assertThat(callback).startsWith(REDIRECT + "?code=");
    return query(callback).get("code");
  }

  /** RFC 7636, section 4.2: the S256 challenge of a verifier. */
  private static String challengeOf(String verifier) throws Exception {
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(US_ASCII));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
  }

  private static String csrf(String page) {
    Matcher matcher = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(page);
    assertThat(matcher.find()).as("the sign-in page has a CSRF field").isTrue();
    return encode(matcher.group(1));
  }

  private static String location(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
    return response.headers().firstValue("Location").orElseThrow();
  }

  private static Map<String, String> query(String url) {
    return Arrays.stream(URI.create(url).getRawQuery().split("&"))
        .map(pair -> pair.split("=", 2))
        .collect(Collectors.toMap(pair -> pair[0], pair -> URLDecoder.decode(pair[1], UTF_8)));
  }

  /** A client that keeps cookies from one response to the next and follows no redirect. */
  private static final class Browser {

    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, String> cookies = new HashMap<>();
    private final String base;

    Browser(String base) {
      this.base = base;
    }

    HttpResponse<String> get(String path) throws Exception {
      return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    HttpResponse<String> post(String path, String form) throws Exception {
      return send(
          HttpRequest.newBuilder(URI.create(base + path))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
      request.header("Accept", "text/html");
      if (!cookies.isEmpty()) {
        request.header(
            "Cookie",
            cookies.entrySet().stream()
                .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                .collect(Collectors.joining("; ")));
      }
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      for (String header : response.headers().allValues("Set-Cookie")) {
        String pair = header.split(";", 2)[0];
        int equals = pair.indexOf('=');
        cookies.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
      }
      return response;
    }
  }
}
