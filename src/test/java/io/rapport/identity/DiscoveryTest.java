package io.rapport.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.platform.testing.RapportAppTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@RapportAppTest
class DiscoveryTest {

  @LocalServerPort int port;

  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void discoveryDocumentNamesEveryEndpointAnOidcClientNeeds() throws Exception {
    JsonNode discovery = get("/.well-known/openid-configuration");

    String base = "http://localhost:" + port;
    assertThat(discovery.get("issuer").asString()).isEqualTo(base);
    assertThat(discovery.get("authorization_endpoint").asString())
        .isEqualTo(base + "/oauth2/authorize");
    assertThat(discovery.get("token_endpoint").asString()).isEqualTo(base + "/oauth2/token");
    assertThat(discovery.get("userinfo_endpoint").asString()).isEqualTo(base + "/userinfo");
    assertThat(discovery.get("end_session_endpoint").asString())
        .isEqualTo(base + "/connect/logout");
    assertThat(discovery.get("jwks_uri").asString()).isEqualTo(base + "/oauth2/jwks");
  }

  @Test
  void jwksPublishesTheActiveSigningKeyWithoutItsPrivateHalf() throws Exception {
    JsonNode keys = get("/oauth2/jwks").get("keys");

    assertThat(keys.size()).isGreaterThanOrEqualTo(1);
    assertThat(keys.get(0).get("kty").asString()).isEqualTo("RSA");
    assertThat(keys.get(0).has("d")).isFalse();
  }

  private JsonNode get(String path) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return json.readTree(response.body());
  }
}
