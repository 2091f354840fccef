package io.rapport.api;

import static io.rapport.api.ApiClient.encode;
import static io.rapport.api.ApiClient.ok;
import static io.rapport.api.ApiClient.problem;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.identity.AccountService;
import io.rapport.identity.ApplicationRegistry;
import io.rapport.identity.UserAccount;
import io.rapport.platform.testing.TestApplicationInitializer;
import io.rapport.platform.testing.TestDatabases;
import io.rapport.profile.NewObservation;
import io.rapport.profile.ProfileService;
import io.rapport.profile.Source;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The management API over PostgreSQL, the production store. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestApplicationInitializer.class)
class PostgresApiTest {

  @LocalServerPort int port;
  @Autowired ApplicationRegistry registry;
  @Autowired AccountService accountService;
  @Autowired ProfileService profiles;
  @Autowired DataSource dataSource;

  private ApiClient api;
  private String token;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabases.postgresProperties().forEach((name, value) -> registry.add(name, () -> value));
  }

  @BeforeEach
  void client() throws Exception {
    api = new ApiClient(port);
    token = api.token(registry, "users:read", "profiles:read");
  }

  @Test
  void applicationRunsOnPostgres() throws Exception {
    try (var connection = dataSource.getConnection()) {
      assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
    }
  }

  @Test
  void userIsFoundByEmailAndReadById() throws Exception {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    UserAccount jane = signUp("jane." + tag + "@example.com");

    JsonNode page =
        ok(api.get("/api/v1/users?email=" + encode("JANE." + tag + "@example.com"), token));

    assertThat(page.get("items")).hasSize(1);
    assertThat(page.get("items").get(0).get("id").asString()).isEqualTo(jane.id());
    assertThat(Instant.parse(page.get("items").get(0).get("createdAt").asString()))
        .isEqualTo(jane.createdAt());
    assertThat(ok(api.get("/api/v1/users/" + jane.id(), token)).get("email").asString())
        .isEqualTo(jane.email());
    problem(api.get("/api/v1/users?email=not-an-email", token), 400);
  }

  @Test
  void usersArePagedWithCursors() throws Exception {
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      created.add(signUp("pg-page" + i + "." + UUID.randomUUID() + "@example.com").id());
    }

    List<String> listed = new ArrayList<>();
    String cursor = null;
    do {
      String query = "?limit=2" + (cursor == null ? "" : "&cursor=" + encode(cursor));
      JsonNode page = ok(api.get("/api/v1/users" + query, token));
      page.get("items").forEach(user -> listed.add(user.get("id").asString()));
      cursor = page.get("next").isNull() ? null : page.get("next").asString();
    } while (cursor != null);

    assertThat(listed).doesNotHaveDuplicates().containsAll(created);
    assertThat(listed.subList(0, 5)).containsExactlyElementsOf(created.reversed());
  }

  @Test
  void cursorBeyondWhatPostgresCanHoldIsAProblem() throws Exception {
    String farFuture = "10000000000000.0." + UUID.randomUUID();
    String cursor =
        Base64.getUrlEncoder().withoutPadding().encodeToString(farFuture.getBytes(UTF_8));

    JsonNode problem = problem(api.get("/api/v1/users?cursor=" + cursor, token), 400);

    assertThat(problem.get("detail").asString()).contains("'cursor'");
  }

  @Test
  void profileShowsTheDeclaredValueOverTheEnrichedOne() throws Exception {
    String user = signUp("pg-profile." + UUID.randomUUID() + "@example.com").id();
    profiles.observe(new NewObservation(user, "company_size", "120", Source.USER, 1));
    profiles.observe(
        new NewObservation(user, "company_size", "4000", Source.enrichment("clearbit"), 0.95));

    JsonNode size =
        ok(api.get("/api/v1/users/" + user + "/profile", token)).get("attributes").get(0);

    assertThat(size.get("key").asString()).isEqualTo("company_size");
    assertThat(size.get("value").isNumber()).isTrue();
    assertThat(size.get("value").asLong()).isEqualTo(120);
    assertThat(size.get("source").asString()).isEqualTo("user");
    assertThat(size.get("observations")).hasSize(2);
    assertThat(size.get("observations").get(0).get("source").asString())
        .isEqualTo("enrichment:clearbit");
    problem(api.get("/api/v1/users/" + UUID.randomUUID() + "/profile", token), 404);
  }

  private UserAccount signUp(String email) {
    return accountService.signUp(
        email, "correct horse battery staple", api.base(), Locale.ENGLISH, "127.0.0.1");
  }
}
