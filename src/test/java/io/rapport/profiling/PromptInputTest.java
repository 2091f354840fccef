package io.rapport.profiling;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.identity.AccountService;
import io.rapport.identity.ApplicationRegistry;
import io.rapport.identity.UserAccount;
import io.rapport.platform.testing.LoopbackClientApp;
import io.rapport.platform.testing.OidcClient;
import io.rapport.platform.testing.PageClient;
import io.rapport.profile.ProfileService;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the prompt page's form may send, over plain HTTP as any client could: each bad form gets a
 * clear error and stores nothing, and the prompt can still be answered afterwards.
 */
@AcmeVideoAppTest
class PromptInputTest {

  @LocalServerPort int port;
  @Autowired ApplicationRegistry applications;
  @Autowired AccountService accounts;
  @Autowired ProfileService profiles;
  @Autowired JdbcClient jdbc;

  private AcmeVideoFlows flows;
  private LoopbackClientApp app;
  private OidcClient client;
  private final PageClient pages = new PageClient();
  private UserAccount user;
  private PageClient.Page prompt;

  @BeforeEach
  void firstLoginShowsItsPrompt() {
    flows = new AcmeVideoFlows(port, accounts);
    app = LoopbackClientApp.start();
    client = flows.acmeVideo(applications, app);
    String email = AcmeVideoFlows.uniqueEmail("prompt-input");
    user = flows.user(email);
    prompt = flows.signInOverHttp(pages, client.authorizationRequest(AcmeVideoFlows.SCOPES), email);
    assertThat(prompt.url().getPath()).isEqualTo("/prompt");
    assertThat(prompt.has("answer-first-name")).isTrue();
  }

  @AfterEach
  void stopApplication() {
    app.close();
  }

  @Test
  void validAnswersAreStoredAndTheAuthorizationResumes() {
    PageClient.Page answered =
        pages.follow(submit(Map.of("answer.first-name", "Ada", "answer.use-case", "training")));

    assertThat(answered.url().toString()).startsWith(app.redirectUri());
    assertThat(profiles.profileOf(user.id()).value("given_name")).contains("Ada");
    assertThat(profiles.profileOf(user.id()).value("use_case")).contains("training");
    assertThat(events("ANSWERED")).isEqualTo(2);
  }

  @Test
  void answerToAQuestionNotInThisPromptStoresNothing() {
    PageClient.Page refused =
        submit(Map.of("answer.first-name", "Ada", "answer.company-name", "Acme Analytics"));

    assertRefused(refused, "prompt-error", "The form answered a question that was not asked here.");
  }

  @Test
  void answerToAnUnknownQuestionStoresNothing() {
    PageClient.Page refused =
        submit(Map.of("answer.first-name", "Ada", "answer.favourite-colour", "blue"));

    assertRefused(refused, "prompt-error", "The form answered a question that does not exist.");
  }

  @Test
  void answerThatIsNotAnOptionStoresNothing() {
    PageClient.Page refused =
        submit(Map.of("answer.first-name", "Ada", "answer.use-case", "world-domination"));

    assertRefused(refused, "error-use-case", "Choose one of the answers offered.");
    assertThat(refused.text("prompt-error")).startsWith("Some answers need your attention.");
    assertThat(refused.body()).contains("value=\"Ada\"");
  }

  @Test
  void answerOverTheLengthLimitStoresNothing() {
    PageClient.Page refused = submit(Map.of("answer.first-name", "A".repeat(101)));

    assertRefused(refused, "error-first-name", "Enter at most 100 characters.");
  }

  @Test
  void markupIsStoredAsTextAndShownEscaped() {
    String markup = "<script>alert('hi')</script>";
    PageClient.Page refused =
        submit(Map.of("answer.first-name", markup, "answer.use-case", "nonsense"));
    assertThat(refused.body()).doesNotContain(markup).contains("&lt;script&gt;");

    pages.follow(submit(Map.of("answer.first-name", markup)));

    assertThat(profiles.profileOf(user.id()).value("given_name")).contains(markup);
    PageClient.Page account = pages.navigate(flows.issuer() + "/account");
    assertThat(account.body()).doesNotContain(markup).contains("&lt;script&gt;alert(");
  }

  @Test
  void replayOfASubmittedPromptStoresNothingMore() {
    Map<String, String> answers = Map.of("answer.first-name", "Ada");
    assertThat(submit(answers).isRedirect()).isTrue();
    long observations = observations();

    PageClient.Page replay = submit(Map.of("answer.first-name", "Eve"));

    assertThat(replay.status()).isEqualTo(409);
    assertThat(replay.text("prompt-closed")).startsWith("These questions were answered or skipped");
    assertThat(observations()).isEqualTo(observations);
    assertThat(profiles.profileOf(user.id()).value("given_name")).contains("Ada");
  }

  @Test
  void formWithoutOrWithAWrongCsrfTokenIsRefusedAndStoresNothing() {
    Map<String, String> form = new LinkedHashMap<>(fields(Map.of("answer.first-name", "Ada")));

    PageClient.Page missing = pages.post(flows.issuer() + "/prompt", form);
    form.put("_csrf", "not-the-token");
    PageClient.Page wrong = pages.post(flows.issuer() + "/prompt", form);

    assertThat(missing.status()).isEqualTo(403);
    assertThat(wrong.status()).isEqualTo(403);
    assertThat(observations()).isZero();
    assertThat(submit(Map.of("answer.first-name", "Ada")).isRedirect()).as("still open").isTrue();
  }

  @Test
  void anotherUsersPromptIsNotFound() {
    PageClient stranger = new PageClient();
    String email = AcmeVideoFlows.uniqueEmail("stranger");
    flows.user(email);
    PageClient.Page theirs =
        flows.signInOverHttp(stranger, client.authorizationRequest(AcmeVideoFlows.SCOPES), email);

    PageClient.Page refused =
        stranger.submit(
            theirs, flows.issuer() + "/prompt", fields(Map.of("answer.first-name", "Mallory")));

    assertThat(refused.status()).isEqualTo(404);
    assertThat(observations()).isZero();
  }

  @Test
  void unknownPromptIdIsNotFoundAndAnAnsweredPromptSaysItIsDone() {
    PageClient.Page unknown = pages.get(flows.issuer() + "/prompt?id=no-such-prompt");
    assertThat(submit(Map.of("answer.first-name", "Ada")).isRedirect()).isTrue();

    PageClient.Page done = pages.get(prompt.url().toString());

    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.text("prompt-unknown")).isEqualTo("There are no such questions for you.");
    assertThat(done.status()).isEqualTo(200);
    assertThat(done.has("prompt-closed")).isTrue();
  }

  @Test
  void skipStoresNoAnswerAndResumes() {
    Map<String, String> form = new LinkedHashMap<>(fields(Map.of("answer.first-name", "Ada")));
    form.put("action", "skip");

    PageClient.Page skipped = pages.follow(pages.submit(prompt, flows.issuer() + "/prompt", form));

    assertThat(skipped.url().toString()).startsWith(app.redirectUri());
    assertThat(observations()).isZero();
    assertThat(events("SKIPPED")).isEqualTo(2);
  }

  private PageClient.Page submit(Map<String, String> answers) {
    return pages.submit(prompt, flows.issuer() + "/prompt", fields(answers));
  }

  /** The prompt's hidden fields, with the answers. */
  private Map<String, String> fields(Map<String, String> answers) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("id", hidden("id"));
    form.put("resume", hidden("resume"));
    form.putAll(answers);
    return form;
  }

  private String hidden(String name) {
    var matcher =
        java.util.regex.Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"")
            .matcher(prompt.body());
    assertThat(matcher.find()).as("hidden field %s", name).isTrue();
    return matcher.group(1);
  }

  private void assertRefused(PageClient.Page refused, String id, String message) {
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.text(id)).startsWith(message);
    assertThat(observations()).isZero();
    assertThat(events("ANSWERED") + events("SKIPPED")).isZero();
  }

  private long observations() {
    return jdbc.sql("SELECT COUNT(*) FROM observation WHERE user_id = ?")
        .param(user.id())
        .query(Long.class)
        .single();
  }

  private long events(String type) {
    return jdbc.sql("SELECT COUNT(*) FROM profiling_event WHERE user_id = ? AND event_type = ?")
        .params(user.id(), type)
        .query(Long.class)
        .single();
  }
}
