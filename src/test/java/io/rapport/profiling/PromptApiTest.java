package io.rapport.profiling;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.identity.AccountService;
import io.rapport.identity.ApplicationDefinition;
import io.rapport.identity.ApplicationRegistry;
import io.rapport.identity.UserAccount;
import io.rapport.platform.testing.LoopbackClientApp;
import io.rapport.platform.testing.OidcClient;
import io.rapport.platform.testing.PageClient;
import io.rapport.profile.NewObservation;
import io.rapport.profile.ProfileService;
import io.rapport.profile.Source;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The signed-in user's API over HTTP, as an application's page calls it: the questions of the
 * {@code purchase} moment of the Acme Video plan, answered, refused, replayed and skipped.
 */
@AcmeVideoAppTest
class PromptApiTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String PROMPTS = "/api/v1/me/prompts";
  private static final String PURCHASE = "{\"moment\": \"purchase\"}";

  @LocalServerPort int port;
  @Autowired ApplicationRegistry applications;
  @Autowired AccountService accounts;
  @Autowired ProfileService profiles;
  @Autowired JdbcClient jdbc;

  private final HttpClient http = HttpClient.newHttpClient();
  private AcmeVideoFlows flows;
  private LoopbackClientApp app;
  private OidcClient client;
  private UserAccount user;
  private String token;

  /** A user who answered the questions of login 1, signed in once: nothing is due at login 1. */
  @BeforeEach
  void signInWithTheQuestionsScope() {
    flows = new AcmeVideoFlows(port, accounts);
    app = LoopbackClientApp.start();
    client = flows.acmeVideo(applications, app);
    user = answeredLoginOne(AcmeVideoFlows.uniqueEmail("prompt-api"));
    token = userToken(user.email(), "openid " + PromptApiSecurity.SCOPE);
  }

  @AfterEach
  void stopApplication() {
    app.close();
  }

  @Test
  void purchaseMomentReturnsItsQuestionsAndTheAnswersAreStoredFromTheUser() throws Exception {
    HttpResponse<String> opened = call("POST", PROMPTS, token, PURCHASE);
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
    JsonNode prompt = JSON.readTree(opened.body());
    assertThat(prompt.get("moment").asString()).isEqualTo("purchase");
    assertThat(prompt.get("state").asString()).isEqualTo("open");
    assertThat(questionIds(prompt)).containsExactly("company-name", "job-role");
    assertThat(prompt.get("questions").get(1).get("options").get(0).get("label").asString())
        .isEqualTo("HR");
    assertThat(prompt.get("texts").get("skip").asString()).isEqualTo("Skip for now");
    assertThat(prompt.toString()).doesNotContain("company_name").doesNotContain(user.email());

    String id = prompt.get("id").asString();
    HttpResponse<String> answered =
        call(
            "POST",
            PROMPTS + "/" + id + "/answers",
            token,
            "{\"answers\": {\"company-name\": \"Acme Analytics\", \"job-role\": \"hr\"}}");

    assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
    assertThat(JSON.readTree(answered.body()).get("state").asString()).isEqualTo("answered");
    assertThat(profiles.profileOf(user.id()).value("company_name")).contains("Acme Analytics");
    assertThat(profiles.profileOf(user.id()).values().get("job_role").effective().source())
        .isEqualTo(Source.USER);
    assertThat(events(id)).containsExactly("SHOWN", "SHOWN", "ANSWERED", "ANSWERED");
    assertThat(call("POST", PROMPTS, token, PURCHASE).statusCode())
        .as("nothing is due once both are known")
        .isEqualTo(204);
  }

  @Test
  void sameMomentAtTheSameLoginGetsTheOpenPromptAgain() throws Exception {
    String first =
        JSON.readTree(call("POST", PROMPTS, token, PURCHASE).body()).get("id").asString();
    String second =
        JSON.readTree(call("POST", PROMPTS, token, PURCHASE).body()).get("id").asString();

    assertThat(second).isEqualTo(first);
    assertThat(events(first)).containsExactly("SHOWN", "SHOWN");
  }

  @Test
  void questionsAreInTheLanguageOfTheProfileElseOfTheBrowser() throws Exception {
    HttpRequest.Builder german =
        request("POST", PROMPTS, token, PURCHASE).setHeader("Accept-Language", "de-DE,de;q=0.9");
    JsonNode prompt = JSON.readTree(http.send(german.build(), body()).body());

    assertThat(prompt.get("language").asString()).isEqualTo("de-DE");
    assertThat(prompt.get("questions").get(0).get("text").asString())
        .isEqualTo("Für welches Unternehmen arbeiten Sie?");
    assertThat(prompt.get("texts").get("skip").asString()).isEqualTo("Jetzt überspringen");
  }

  @Test
  void refusedAnswersSayWhatIsWrongAndStoreNothing() throws Exception {
    String id = openPurchase();

    HttpResponse<String> notAnOption =
        answer(id, "{\"company-name\": \"Acme Analytics\", \"job-role\": \"wizard\"}");
    assertThat(notAnOption.statusCode()).isEqualTo(400);
    assertThat(notAnOption.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(JSON.readTree(notAnOption.body()).get("errors").get("job-role").asString())
        .isEqualTo("Choose one of the answers offered.");

    HttpResponse<String> tooLong = answer(id, "{\"company-name\": \"" + "A".repeat(201) + "\"}");
    assertThat(JSON.readTree(tooLong.body()).get("errors").get("company-name").asString())
        .isEqualTo("Enter at most 200 characters.");

    HttpResponse<String> notAsked = answer(id, "{\"first-name\": \"Ada\"}");
    assertThat(JSON.readTree(notAsked.body()).get("detail").asString())
        .startsWith("The form answered a question that was not asked here.");

    HttpResponse<String> unknown = answer(id, "{\"favourite-colour\": \"blue\"}");
    assertThat(JSON.readTree(unknown.body()).get("detail").asString())
        .startsWith("The form answered a question that does not exist.");

    HttpResponse<String> wrongShape = answer(id, "{\"company-name\": {\"name\": \"Acme\"}}");
    assertThat(wrongShape.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(wrongShape.body()).get("detail").asString())
        .contains("'company-name' must be a text");

    assertThat(profiles.profileOf(user.id()).value("company_name")).isEmpty();
    assertThat(profiles.profileOf(user.id()).value("job_role")).isEmpty();
    assertThat(events(id)).containsExactly("SHOWN", "SHOWN");
    assertThat(answer(id, "{\"job-role\": \"engineering\"}").statusCode())
        .as("the prompt can still be answered")
        .isEqualTo(200);
  }

  @Test
  void markupIsStoredAsTextAsTyped() throws Exception {
    String id = openPurchase();
    String markup = "<img src=x onerror=alert(1)>";

    assertThat(answer(id, "{\"company-name\": \"" + markup + "\"}").statusCode()).isEqualTo(200);

    assertThat(profiles.profileOf(user.id()).value("company_name")).contains(markup);
  }

  @Test
  void replayOfAnAnsweredPromptIsAConflictAndStoresNothingMore() throws Exception {
    String id = openPurchase();
    assertThat(answer(id, "{\"company-name\": \"Acme Analytics\"}").statusCode()).isEqualTo(200);

    HttpResponse<String> replay = answer(id, "{\"company-name\": \"Other Corp\"}");

    assertThat(replay.statusCode()).isEqualTo(409);
    assertThat(profiles.profileOf(user.id()).value("company_name")).contains("Acme Analytics");
    assertThat(call("POST", PROMPTS + "/" + id + "/skip", token, "").statusCode()).isEqualTo(409);
  }

  @Test
  void skipInOneCallRecordsASkipPerQuestionAndTheMomentAsksNothingMoreAtThisLogin()
      throws Exception {
    String id = openPurchase();

    HttpResponse<String> skipped = call("POST", PROMPTS + "/" + id + "/skip", token, "");

    assertThat(skipped.statusCode()).as(skipped.body()).isEqualTo(200);
    assertThat(JSON.readTree(skipped.body()).get("state").asString()).isEqualTo("skipped");
    assertThat(events(id)).containsExactly("SHOWN", "SHOWN", "SKIPPED", "SKIPPED");
    assertThat(call("POST", PROMPTS, token, PURCHASE).statusCode())
        .as("one prompt per login and moment")
        .isEqualTo(204);
  }

  @Test
  void anotherUsersPromptIsNotFound() throws Exception {
    String id = openPurchase();
    UserAccount other = answeredLoginOne(AcmeVideoFlows.uniqueEmail("prompt-api-other"));
    String otherToken = userToken(other.email(), "openid " + PromptApiSecurity.SCOPE);

    assertThat(call("GET", PROMPTS + "/" + id, otherToken, null).statusCode()).isEqualTo(404);
    assertThat(answer(id, otherToken, "{\"company-name\": \"Evil Corp\"}").statusCode())
        .isEqualTo(404);
    assertThat(call("GET", PROMPTS + "/" + id, token, null).statusCode()).isEqualTo(200);
    assertThat(profiles.profileOf(user.id()).value("company_name")).isEmpty();
  }

  @Test
  void momentsOfRapportsOwnPagesAndMalformedNamesAreRefused() throws Exception {
    HttpResponse<String> login = call("POST", PROMPTS, token, "{\"moment\": \"login\"}");
    assertThat(login.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(login.body()).get("detail").asString())
        .contains("'moment' may not be \"login\"");

    HttpResponse<String> malformed = call("POST", PROMPTS, token, "{\"moment\": \"Check Out\"}");
    assertThat(JSON.readTree(malformed.body()).get("detail").asString())
        .contains("is not a moment name");

    HttpResponse<String> missing = call("POST", PROMPTS, token, "{}");
    assertThat(JSON.readTree(missing.body()).get("detail").asString())
        .contains("'moment' is required");
  }

  @Test
  void tokensWithoutTheScopeOrOfAClientAreRefused() throws Exception {
    HttpResponse<String> none = call("POST", PROMPTS, null, PURCHASE);
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(none.body()).get("detail").asString()).contains("'questions'");

    UserAccount other = answeredLoginOne(AcmeVideoFlows.uniqueEmail("prompt-api-no-scope"));
    String withoutScope = userToken(other.email(), "openid profile");
    HttpResponse<String> forbidden = call("POST", PROMPTS, withoutScope, PURCHASE);
    assertThat(forbidden.statusCode()).isEqualTo(403);
    assertThat(forbidden.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(value -> assertThat(value).contains("insufficient_scope"));

    String machine = clientCredentialsToken();
    assertThat(call("POST", PROMPTS, machine, PURCHASE).statusCode()).isEqualTo(401);
    assertThat(events()).isZero();
  }

  @Test
  void pagesOfRegisteredApplicationsMayCallFromTheBrowserAndOthersMayNot() throws Exception {
    HttpResponse<String> allowed = preflight("http://localhost:3000");
    assertThat(allowed.statusCode()).isEqualTo(200);
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin"))
        .contains("http://localhost:3000");
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Headers").orElse(""))
        .containsIgnoringCase("authorization");

    HttpResponse<String> refused = preflight("https://attacker.example");
    assertThat(refused.headers().firstValue("Access-Control-Allow-Origin"))
        .as("without it the browser refuses the call")
        .isEmpty();

    HttpRequest tokenRequest =
        HttpRequest.newBuilder(URI.create(flows.issuer() + "/oauth2/token"))
            .header("Origin", "http://localhost:3000")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=x"))
            .build();
    assertThat(http.send(tokenRequest, body()).headers().firstValue("Access-Control-Allow-Origin"))
        .as("the token endpoint answers the application's page")
        .contains("http://localhost:3000");
  }

  private UserAccount answeredLoginOne(String email) {
    UserAccount account = flows.user(email);
    profiles.observe(new NewObservation(account.id(), "given_name", "Ada", Source.USER, 1.0));
    profiles.observe(new NewObservation(account.id(), "use_case", "training", Source.USER, 1.0));
    return account;
  }

  /** Signs in over HTTP through Acme Video's authorization request; returns the access token. */
  private String userToken(String email, String scope) {
    OidcClient.AuthorizationRequest request = client.authorizationRequest(scope);
    int before = app.callbacks().size();
    PageClient.Page landed = flows.signInOverHttp(new PageClient(), request, email);
    assertThat(landed.url().toString()).startsWith(app.redirectUri());
    Map<String, String> callback = app.awaitCallback(before + 1);
    return client
        .exchange(callback.get("code"), request.codeVerifier())
        .requireSuccess()
        .accessToken();
  }

  private String clientCredentialsToken() {
    String clientId = "prompt-api-machine-" + UUID.randomUUID().toString().substring(0, 8);
    String secret = "a-secret-for-the-prompt-api-test";
    applications.register(
        new ApplicationDefinition(
            clientId,
            "Machine",
            null,
            null,
            secret,
            List.of("client_credentials"),
            List.of(PromptApiSecurity.SCOPE),
            null),
        ApplicationRegistry.ORIGIN_CONSOLE,
        "test");
    return OidcClient.confidentialClient(flows.issuer(), clientId, secret, null)
        .clientCredentials(PromptApiSecurity.SCOPE)
        .requireSuccess()
        .accessToken();
  }

  private String openPurchase() throws Exception {
    HttpResponse<String> opened = call("POST", PROMPTS, token, PURCHASE);
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
    return JSON.readTree(opened.body()).get("id").asString();
  }

  private HttpResponse<String> answer(String id, String answers) throws Exception {
    return answer(id, token, answers);
  }

  private HttpResponse<String> answer(String id, String bearer, String answers) throws Exception {
    return call("POST", PROMPTS + "/" + id + "/answers", bearer, "{\"answers\": " + answers + "}");
  }

  private HttpResponse<String> call(String method, String path, String bearer, String json)
      throws Exception {
    return http.send(request(method, path, bearer, json).build(), body());
  }

  private HttpRequest.Builder request(String method, String path, String bearer, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(flows.issuer() + path))
            .header("Accept-Language", "en")
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return request;
  }

  private HttpResponse<String> preflight(String origin) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(flows.issuer() + PROMPTS))
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "authorization,content-type")
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .build();
    return http.send(request, body());
  }

  private static HttpResponse.BodyHandler<String> body() {
    return HttpResponse.BodyHandlers.ofString();
  }

  private static List<String> questionIds(JsonNode prompt) {
    List<String> ids = new ArrayList<>();
    prompt.get("questions").forEach(question -> ids.add(question.get("id").asString()));
    return ids;
  }

  private List<String> events(String promptId) {
    return jdbc.sql("SELECT event_type FROM profiling_event WHERE prompt_id = ? ORDER BY id")
        .param(promptId)
        .query(String.class)
        .list();
  }

  private long events() {
    return jdbc.sql("SELECT COUNT(*) FROM profiling_event WHERE user_id = ?")
        .param(user.id())
        .query(Long.class)
        .single();
  }
}
