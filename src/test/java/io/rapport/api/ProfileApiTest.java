package io.rapport.api;

import static io.rapport.api.ApiClient.ok;
import static io.rapport.api.ApiClient.problem;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.identity.AccountService;
import io.rapport.identity.ApplicationRegistry;
import io.rapport.platform.testing.RapportAppTest;
import io.rapport.profile.NewObservation;
import io.rapport.profile.Observation;
import io.rapport.profile.ProfileService;
import io.rapport.profile.Source;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@RapportAppTest
class ProfileApiTest {

  private static final Source CLEARBIT = Source.enrichment("clearbit");

  @LocalServerPort int port;
  @Autowired ApplicationRegistry registry;
  @Autowired AccountService accountService;
  @Autowired ProfileService profiles;

  private ApiClient api;
  private String token;

  @BeforeEach
  void client() throws Exception {
    api = new ApiClient(port);
    token = api.token(registry, "users:read", "profiles:read");
  }

  @Test
  void profileShowsEachKnownAttributeWithItsProvenance() throws Exception {
    String user = signUp();
    Observation declared = observe(user, "company_size", "50", Source.USER, 0.3);
    Observation found = observe(user, "company_size", "5000", CLEARBIT, 0.99);
    Observation title = observe(user, "job_title", "Engineer", CLEARBIT, 0.8);

    JsonNode profile = ok(api.get("/api/v1/users/" + user + "/profile", token));

    assertThat(profile.get("userId").asString()).isEqualTo(user);
    JsonNode attributes = profile.get("attributes");
    assertThat(attributes).hasSize(2);
    JsonNode size = attributes.get(0);
    assertThat(size.get("key").asString()).isEqualTo("company_size");
    assertThat(size.get("type").asString()).isEqualTo("number");
    assertThat(size.get("value").isNumber()).isTrue();
    assertThat(size.get("value").asLong()).isEqualTo(50);
    assertThat(size.get("source").asString()).isEqualTo("user");
    assertThat(size.get("confidence").asDouble()).isEqualTo(1.0);
    assertThat(Instant.parse(size.get("observedAt").asString())).isEqualTo(declared.observedAt());
    assertObservation(size.get("observations").get(0), found);
    assertObservation(size.get("observations").get(1), declared);
    assertThat(size.get("observations")).hasSize(2);
    JsonNode job = attributes.get(1);
    assertThat(job.get("key").asString()).isEqualTo("job_title");
    assertThat(job.get("type").asString()).isEqualTo("text");
    assertThat(job.get("value").asString()).isEqualTo("Engineer");
    assertThat(job.get("source").asString()).isEqualTo("enrichment:clearbit");
    assertThat(job.get("confidence").asDouble()).isEqualTo(0.8);
    assertObservation(job.get("observations").get(0), title);
  }

  @Test
  void profileOfAUserWithNothingKnownHasNoAttributes() throws Exception {
    String user = signUp();

    JsonNode profile = ok(api.get("/api/v1/users/" + user + "/profile", token));

    assertThat(profile.get("userId").asString()).isEqualTo(user);
    assertThat(profile.get("attributes")).isEmpty();
  }

  @Test
  void profileOfAnUnknownUserIsNotFound() throws Exception {
    String unknown = UUID.randomUUID().toString();

    JsonNode problem = problem(api.get("/api/v1/users/" + unknown + "/profile", token), 404);

    assertThat(problem.get("detail").asString()).contains(unknown);
    assertThat(problem.get("instance").asString())
        .isEqualTo("/api/v1/users/" + unknown + "/profile");
  }

  private static void assertObservation(JsonNode json, Observation observation) {
    assertThat(json.get("value").asString()).isEqualTo(observation.value());
    assertThat(json.get("source").asString()).isEqualTo(observation.source().id());
    assertThat(json.get("confidence").asDouble()).isEqualTo(observation.confidence());
    assertThat(Instant.parse(json.get("observedAt").asString()))
        .isEqualTo(observation.observedAt());
  }

  private Observation observe(
      String user, String key, String value, Source source, double confidence) {
    return profiles.observe(new NewObservation(user, key, value, source, confidence));
  }

  private String signUp() {
    return accountService
        .signUp(
            "profile." + UUID.randomUUID() + "@example.com",
            "correct horse battery staple",
            api.base(),
            Locale.ENGLISH,
            "127.0.0.1")
        .id();
  }
}
