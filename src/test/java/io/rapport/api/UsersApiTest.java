package io.rapport.api;

import static io.rapport.api.ApiClient.encode;
import static io.rapport.api.ApiClient.ok;
import static io.rapport.api.ApiClient.problem;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.identity.AccountService;
import io.rapport.identity.ApplicationRegistry;
import io.rapport.identity.UserAccount;
import io.rapport.identity.UserAccounts;
import io.rapport.platform.testing.RapportAppTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@RapportAppTest
class UsersApiTest {

  @LocalServerPort int port;
  @Autowired ApplicationRegistry registry;
  @Autowired AccountService accountService;
  @Autowired UserAccounts accounts;

  private ApiClient api;
  private String token;

  @BeforeEach
  void client() throws Exception {
    api = new ApiClient(port);
    token = api.token(registry, "users:read", "profiles:read");
  }

  @Test
  void userIsFoundByEmailWhateverItsCase() throws Exception {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    UserAccount jane = signUp("jane." + tag + "@example.com");

    JsonNode page =
        ok(api.get("/api/v1/users?email=" + encode("Jane." + tag + "@Example.COM"), token));

    assertThat(page.get("items")).hasSize(1);
    JsonNode found = page.get("items").get(0);
    assertThat(found.get("id").asString()).isEqualTo(jane.id());
    assertThat(found.get("email").asString()).isEqualTo("jane." + tag + "@example.com");
    assertThat(found.get("emailVerified").asBoolean()).isFalse();
    assertThat(Instant.parse(found.get("createdAt").asString())).isEqualTo(jane.createdAt());
    assertThat(found.get("lastLoginAt").isNull()).isTrue();
    assertThat(found.get("loginsCount").asInt()).isZero();
    assertThat(page.get("next").isNull()).isTrue();
  }

  @Test
  void unknownEmailGivesAnEmptyList() throws Exception {
    JsonNode page =
        ok(api.get("/api/v1/users?email=nobody-" + UUID.randomUUID() + "@example.com", token));

    assertThat(page.get("items")).isEmpty();
    assertThat(page.get("next").isNull()).isTrue();
  }

  @Test
  void malformedEmailIsAProblemNamingTheParameter() throws Exception {
    JsonNode problem = problem(api.get("/api/v1/users?email=not-an-email", token), 400);

    assertThat(problem.get("detail").asString()).contains("'email'");
    assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/users");
  }

  @Test
  void userIsReadById() throws Exception {
    UserAccount grace = signUp("grace." + UUID.randomUUID() + "@example.com");

    JsonNode found = ok(api.get("/api/v1/users/" + grace.id(), token));

    assertThat(found.get("id").asString()).isEqualTo(grace.id());
    assertThat(found.get("email").asString()).isEqualTo(grace.email());
    JsonNode missing = problem(api.get("/api/v1/users/" + UUID.randomUUID(), token), 404);
    assertThat(missing.get("detail").asString()).contains("No user");
  }

  @Test
  void everyUserIsListedNewestFirstAPageAtATime() throws Exception {
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      created.add(signUp("page" + i + "." + UUID.randomUUID() + "@example.com").id());
    }

    List<JsonNode> pages = walk(3);

    List<String> listed = new ArrayList<>();
    pages.forEach(page -> page.get("items").forEach(user -> listed.add(user.get("id").asString())));
    assertThat(listed)
        .doesNotHaveDuplicates()
        .containsAll(created)
        .hasSize((int) accounts.count(""));
    assertThat(listed.subList(0, 7)).containsExactlyElementsOf(created.reversed());
    assertThat(pages.subList(0, pages.size() - 1))
        .allSatisfy(page -> assertThat(page.get("items")).hasSize(3))
        .allSatisfy(page -> assertThat(page.get("next").asString()).isNotBlank());
    JsonNode last = pages.get(pages.size() - 1);
    assertThat(last.get("items").size()).isBetween(1, 3);
    assertThat(last.get("next").isNull()).isTrue();
  }

  @Test
  void limitMustBeBetweenOneAndTwoHundred() throws Exception {
    signUp("limits." + UUID.randomUUID() + "@example.com");

    assertThat(problem(api.get("/api/v1/users?limit=0", token), 400).get("detail").asString())
        .contains("'limit'");
    assertThat(problem(api.get("/api/v1/users?limit=201", token), 400).get("detail").asString())
        .contains("'limit'");
    assertThat(problem(api.get("/api/v1/users?limit=many", token), 400).get("detail").asString())
        .contains("limit");
    assertThat(ok(api.get("/api/v1/users?limit=1", token)).get("items")).hasSize(1);
    assertThat(ok(api.get("/api/v1/users?limit=200", token)).get("items")).isNotEmpty();
  }

  @Test
  void cursorThisApiDidNotReturnIsAProblem() throws Exception {
    String id = UUID.randomUUID().toString();
    List<String> cursors =
        List.of(
            "garbage",
            "!!!",
            base64("1772352000.0.not-a-uuid"),
            base64("99999999999999999.0." + id),
            base64("10000000000000.0." + id));

    for (String cursor : cursors) {
      JsonNode problem = problem(api.get("/api/v1/users?cursor=" + encode(cursor), token), 400);
      assertThat(problem.get("detail").asString()).as(cursor).contains("'cursor'");
    }
  }

  private List<JsonNode> walk(int limit) throws Exception {
    List<JsonNode> pages = new ArrayList<>();
    String cursor = null;
    do {
      String query = "?limit=" + limit + (cursor == null ? "" : "&cursor=" + encode(cursor));
      JsonNode page = ok(api.get("/api/v1/users" + query, token));
      pages.add(page);
      cursor = page.get("next").isNull() ? null : page.get("next").asString();
    } while (cursor != null);
    return pages;
  }

  private UserAccount signUp(String email) {
    return accountService.signUp(
        email, "correct horse battery staple", api.base(), Locale.ENGLISH, "127.0.0.1");
  }

  private static String base64(String plain) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(UTF_8));
  }
}
