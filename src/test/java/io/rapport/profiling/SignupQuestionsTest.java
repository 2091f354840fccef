package io.rapport.profiling;

import static io.rapport.profiling.QuestionBuilder.ask;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.identity.ApplicationDefinition;
import io.rapport.identity.ApplicationRegistry;
import io.rapport.identity.UserAccounts;
import io.rapport.platform.testing.LoopbackClientApp;
import io.rapport.platform.testing.OidcClient;
import io.rapport.platform.testing.PageClient;
import io.rapport.platform.testing.TestMailServer;
import io.rapport.profile.ProfileService;
import io.rapport.profile.Source;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Questions of the sign-up moment on the sign-up form. The Acme Video plan asks none, so each test
 * adds two for an application of its own, and puts the Acme plan back afterwards.
 */
@AcmeVideoAppTest
class SignupQuestionsTest {

  @LocalServerPort int port;
  @Autowired ApplicationRegistry applications;
  @Autowired UserAccounts accounts;
  @Autowired ProfileService profiles;
  @Autowired PlanStore plans;
  @Autowired JdbcClient jdbc;

  private final String clientId = "signup-" + UUID.randomUUID().toString().substring(0, 8);
  private final PageClient pages = new PageClient();
  private LoopbackClientApp app;
  private OidcClient client;
  private String issuer;

  @BeforeEach
  void applicationWithSignUpQuestions() {
    issuer = "http://localhost:" + port;
    app = LoopbackClientApp.start();
    applications.register(
        new ApplicationDefinition(
            clientId,
            "Sign-up questions",
            List.of(app.redirectUri()),
            List.of(),
            null,
            List.of(),
            List.of(),
            List.of("job_role", "company_name")),
        ApplicationRegistry.ORIGIN_CONSOLE,
        "test");
    client = OidcClient.publicClient(issuer, clientId, app.redirectUri());
    List<Question> questions = new ArrayList<>(AcmeVideoPlan.plan().questions());
    questions.add(
        ask("signup-role", "job_role")
            .input(InputKind.SINGLE_CHOICE)
            .option("hr")
            .option("engineering")
            .required()
            .moments(Moments.SIGNUP)
            .applications(clientId)
            .build());
    questions.add(
        ask("signup-company", "company_name")
            .length(null, 20)
            .moments(Moments.SIGNUP)
            .applications(clientId)
            .build());
    plans.replace(new Plan(AcmeVideoPlan.plan().policy(), questions));
  }

  @AfterEach
  void restoreTheAcmePlan() {
    plans.replace(AcmeVideoPlan.plan());
    app.close();
  }

  @Test
  void answersOnTheSignUpFormAreStoredAndReachTheFirstTokens() {
    OidcClient.AuthorizationRequest request = client.authorizationRequest("openid profile");
    PageClient.Page form = signupForm(request);
    assertThat(form.has("answer-signup-role-0")).isTrue();
    assertThat(form.has("answer-signup-company")).isTrue();
    String email = AcmeVideoFlows.uniqueEmail("signup-questions");

    PageClient.Page done =
        pages.follow(
            signUp(form, email, Map.of("answer.signup-role", "hr", "answer.signup-company", "")));

    assertThat(done.url().toString()).startsWith(app.redirectUri());
    String userId = accounts.findByEmail(email).orElseThrow().id();
    assertThat(profiles.profileOf(userId).values().get("job_role").effective())
        .returns("hr", observation -> observation.value())
        .returns(Source.USER, observation -> observation.source());
    assertThat(profiles.profileOf(userId).value("company_name")).isEmpty();
    assertThat(events(userId))
        .containsExactlyInAnyOrder(
            "signup-role SHOWN",
            "signup-role ANSWERED",
            "signup-company SHOWN",
            "signup-company SKIPPED");
    Map<String, String> callback = app.awaitCallback(1);
    String idToken =
        client.exchange(callback.get("code"), request.codeVerifier()).requireSuccess().idToken();
    assertThat(client.verifyIdToken(idToken, request.nonce()).getClaims())
        .containsEntry("job_role", "hr");
  }

  @Test
  void refusedAnswerCreatesNoAccountAndSendsNoMail() {
    PageClient.Page form = signupForm(client.authorizationRequest("openid"));
    String email = AcmeVideoFlows.uniqueEmail("signup-refused");

    PageClient.Page refused =
        signUp(
            form,
            email,
            Map.of("answer.signup-role", "hr", "answer.signup-company", "X".repeat(21)));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.text("signup-error")).startsWith("Some answers need your attention.");
    assertThat(refused.text("error-signup-company")).isEqualTo("Enter at most 20 characters.");
    assertThat(refused.body()).contains("value=\"" + email + "\"");
    assertThat(accounts.findByEmail(email)).isEmpty();
    assertThat(TestMailServer.messagesTo(email)).isEmpty();
  }

  @Test
  void missingRequiredAnswerOrAStrayAnswerCreatesNoAccount() {
    PageClient.Page form = signupForm(client.authorizationRequest("openid"));
    String email = AcmeVideoFlows.uniqueEmail("signup-missing");

    PageClient.Page missing = signUp(form, email, Map.of());
    PageClient.Page stray =
        signUp(form, email, Map.of("answer.signup-role", "hr", "answer.first-name", "Ada"));

    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.text("error-signup-role")).isEqualTo("Please answer this question.");
    assertThat(stray.status()).isEqualTo(400);
    assertThat(stray.text("signup-questions-error"))
        .startsWith("The form answered a question that was not asked here.");
    assertThat(accounts.findByEmail(email)).isEmpty();
  }

  @Test
  void otherApplicationsSignUpFormsAskNothing() {
    LoopbackClientApp acmeApp = LoopbackClientApp.start();
    try {
      OidcClient acme = new AcmeVideoFlows(port, null).acmeVideo(applications, acmeApp);

      PageClient.Page form = signupForm(acme.authorizationRequest("openid"));

      assertThat(form.body()).doesNotContain("answer.");
    } finally {
      acmeApp.close();
    }
  }

  private PageClient.Page signupForm(OidcClient.AuthorizationRequest request) {
    PageClient.Page login = pages.navigate(request.url());
    assertThat(login.url().getPath()).isEqualTo("/login");
    PageClient.Page form = pages.get(issuer + "/signup");
    assertThat(form.status()).isEqualTo(200);
    return form;
  }

  private PageClient.Page signUp(PageClient.Page form, String email, Map<String, String> answers) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("email", email);
    fields.put("password", AcmeVideoFlows.PASSWORD);
    fields.putAll(answers);
    return pages.submit(form, issuer + "/signup", fields);
  }

  private List<String> events(String userId) {
    return jdbc.sql("SELECT question_id, event_type FROM profiling_event WHERE user_id = ?")
        .param(userId)
        .query((row, number) -> row.getString(1) + " " + row.getString(2))
        .list();
  }
}
