package io.rapport.api;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.identity.ApplicationDefinition;
import io.rapport.identity.ApplicationRegistry;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks to the management API of a running Rapport as an API client would: registers a confidential
 * client, gets a token with the client-credentials grant, and calls the API over HTTP.
 */
final class ApiClient {

  static final String SECRET = "s3cret-for-api-tests-only";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;

  ApiClient(int port) {
    this.base = "http://localhost:" + port;
  }

  String base() {
    return base;
  }

  /** Registers a new client-credentials application allowed the scopes; returns its client id. */
  static String registerClient(ApplicationRegistry registry, String... scopes) {
    String clientId = "api-test-" + UUID.randomUUID();
    registry.register(
        new ApplicationDefinition(
            clientId,
            "API test",
            null,
            null,
            SECRET,
            List.of("client_credentials"),
            List.of(scopes),
            null),
        ApplicationRegistry.ORIGIN_CONSOLE,
        "api-test");
    return clientId;
  }

  /** A fresh client allowed the scopes, and a token for all of them. */
  String token(ApplicationRegistry registry, String... scopes) throws Exception {
    String clientId = registerClient(registry, scopes);
    HttpResponse<String> response = requestToken(clientId, SECRET, String.join(" ", scopes));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode token = json(response);
    assertThat(token.get("token_type").asString()).isEqualTo("Bearer");
    return token.get("access_token").asString();
  }

  HttpResponse<String> requestToken(String clientId, String secret, String scope) throws Exception {
    String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(UTF_8));
    return post(
        "/oauth2/token",
        "Basic " + basic,
        "grant_type=client_credentials&scope=" + URLEncoder.encode(scope, UTF_8));
  }

  HttpResponse<String> post(String path, String authorization, String form) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A GET of the path with the bearer token, or with none when the token is null. */
  HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The body of a successful JSON response. */
  static JsonNode ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    return json(response);
  }

  /** The RFC 9457 problem of an error response, checked for its status and media type. */
  static JsonNode problem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = json(response);
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("title").asString()).isNotBlank();
    assertThat(problem.get("detail").asString()).isNotBlank();
    return problem;
  }

  static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  static String encode(String value) {
    return URLEncoder.encode(value, UTF_8);
  }
}
