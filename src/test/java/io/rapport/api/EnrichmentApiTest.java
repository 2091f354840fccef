package io.rapport.api;

import static io.rapport.api.ApiClient.json;
import static io.rapport.api.ApiClient.ok;
import static io.rapport.api.ApiClient.problem;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.enrichment.ConsentChoices;
import io.rapport.identity.AccountService;
import io.rapport.identity.ApplicationRegistry;
import io.rapport.identity.UserAccount;
import io.rapport.platform.testing.RapportAppTest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A user's enrichment through the management API: its state, and a request for another. */
@RapportAppTest
class EnrichmentApiTest {

  @LocalServerPort int port;
  @Autowired ApplicationRegistry registry;
  @Autowired AccountService accounts;
  @Autowired JdbcClient jdbc;
  @Autowired ConsentChoices choices;

  private ApiClient api;
  private UserAccount user;

  @BeforeEach
  void userWhoseSignUpJobRan() {
    api = new ApiClient(port);
    user =
        accounts.signUp(
            "api-enrich-" + UUID.randomUUID() + "@acme-analytics.example",
            "Analytical-Engine-1843",
            "http://localhost",
            Locale.ENGLISH,
            "127.0.0.1");
    jdbc.sql("DELETE FROM scheduled_tasks WHERE task_instance = ?").param(user.id()).update();
  }

  @Test
  void requestQueuesAJobOnceAndTheStateShowsIt() throws Exception {
    String token = api.token(registry, "enrichment:read", "enrichment:write");
    assertThat(ok(api.get(path(), token)).get("queued").asBoolean()).isFalse();

    HttpResponse<String> first = api.post(path(), "Bearer " + token, "");
    HttpResponse<String> second = api.post(path(), "Bearer " + token, "");

    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(json(first).get("alreadyQueued").asBoolean()).isFalse();
    assertThat(json(second).get("alreadyQueued").asBoolean()).isTrue();
    assertThat(ok(api.get(path(), token)).get("queued").asBoolean()).isTrue();
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_instance = ?")
                .param(user.id())
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void aUserWhoObjectedIsRefusedWithAConflictAndNoJob() throws Exception {
    choices.object(user.id());
    String token = api.token(registry, "enrichment:read", "enrichment:write");

    var refused = problem(api.post(path(), "Bearer " + token, ""), 409);

    assertThat(refused.get("detail").asString())
        .isEqualTo(
            "The user is not looked up: the user objected to being looked up, or withdrew"
                + " consent");
    var state = ok(api.get(path(), token));
    assertThat(state.get("queued").asBoolean()).isFalse();
    assertThat(state.get("notLookedUp").asString()).contains("objected");
  }

  @Test
  void readingDoesNotAllowRequesting() throws Exception {
    String token = api.token(registry, "enrichment:read");

    problem(api.post(path(), "Bearer " + token, ""), 403);
  }

  @Test
  void unknownUserIsNotFound() throws Exception {
    String token = api.token(registry, "enrichment:write");

    String unknown = "/api/v1/users/" + UUID.randomUUID() + "/enrichment";

    assertThat(problem(api.post(unknown, "Bearer " + token, ""), 404).get("detail").asString())
        .startsWith("No user has the id");
  }

  private String path() {
    return "/api/v1/users/" + user.id() + "/enrichment";
  }
}
