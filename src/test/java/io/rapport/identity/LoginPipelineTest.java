package io.rapport.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.web.util.UriComponentsBuilder;

class LoginPipelineTest {

  private static final String QUERY =
      "response_type=code&client_id=shop&scope=openid%20profile"
          + "&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcb&state=xyz";
  private static final LoginContext VISIBLE =
      new LoginContext("user-1", "shop", Set.of("openid"), true);
  private static final LoginContext SILENT =
      new LoginContext("user-1", "shop", Set.of("openid"), false);

  private final List<String> ran = new ArrayList<>();
  private final MockHttpSession session = new MockHttpSession();

  @Test
  void stepsRunInOrderAndTheLoginProceedsWhenEveryStepContinues() {
    LoginPipeline pipeline =
        pipeline(continuing("first"), continuing("second"), continuing("third"));

    LoginPipeline.Outcome outcome = pipeline.run(get(QUERY), VISIBLE);

    assertThat(outcome).isInstanceOf(LoginPipeline.Outcome.Proceed.class);
    assertThat(ran).containsExactly("first", "second", "third");
    assertThat(session.getAttributeNames().hasMoreElements()).isFalse();
  }

  @Test
  void denialEndsTheLoginAndLaterStepsDoNotRun() {
    StepResult.Deny denial = new StepResult.Deny("access_denied", "Not today");
    LoginPipeline pipeline =
        pipeline(continuing("first"), step("gate", context -> denial), continuing("third"));

    LoginPipeline.Outcome outcome = pipeline.run(get(QUERY), VISIBLE);

    assertThat(outcome).isEqualTo(new LoginPipeline.Outcome.Denied(denial));
    assertThat(ran).containsExactly("first", "gate");
    assertThat(session.getAttributeNames().hasMoreElements()).isFalse();
  }

  @Test
  void pageStepSendsTheUserToItsPageWithAResumeKey() {
    LoginPipeline pipeline =
        pipeline(continuing("first"), page("questions", "/questions"), continuing("third"));

    LoginPipeline.Outcome outcome = pipeline.run(get(QUERY), VISIBLE);

    assertThat(outcome).isInstanceOf(LoginPipeline.Outcome.Redirect.class);
    String location = ((LoginPipeline.Outcome.Redirect) outcome).location();
    assertThat(location).matches("/questions\\?resume=[0-9a-f]{64}");
    assertThat(ran).containsExactly("first", "questions");
    assertThat(pipeline.waitingOn(session, "questions")).contains(resumeKey(location));
    assertThat(pipeline.waitingOn(session, "first")).isEmpty();
  }

  @Test
  void pagePathWithAQueryGetsTheResumeKeyAppended() {
    LoginPipeline pipeline = pipeline(page("questions", "/questions?moment=login"));

    LoginPipeline.Outcome outcome = pipeline.run(get(QUERY), VISIBLE);

    assertThat(((LoginPipeline.Outcome.Redirect) outcome).location())
        .matches("/questions\\?moment=login&resume=[0-9a-f]{64}");
  }

  @Test
  void pageStepIsSkippedWhenTheLoginIsNotInteractive() {
    LoginPipeline pipeline =
        pipeline(continuing("first"), page("questions", "/questions"), continuing("third"));

    LoginPipeline.Outcome outcome = pipeline.run(get(QUERY), SILENT);

    assertThat(outcome).isInstanceOf(LoginPipeline.Outcome.Proceed.class);
    assertThat(ran).containsExactly("first", "questions", "third");
  }

  @Test
  void resumingAfterThePageSkipsTheStepsAlreadyDone() {
    LoginPipeline pipeline =
        pipeline(continuing("first"), page("questions", "/questions"), continuing("third"));
    String location = redirectOf(pipeline.run(get(QUERY), VISIBLE));

    String resumeUrl = pipeline.complete(session, resumeKey(location), "questions").orElseThrow();
    LoginPipeline.Outcome resumed = pipeline.run(get(queryOf(resumeUrl)), VISIBLE);

    assertThat(resumeUrl).isEqualTo("/oauth2/authorize?" + QUERY);
    assertThat(resumed).isInstanceOf(LoginPipeline.Outcome.Proceed.class);
    assertThat(ran).containsExactly("first", "questions", "third");
    assertThat(pipeline.waitingOn(session, "questions")).isEmpty();
    assertThat(session.getAttributeNames().hasMoreElements()).isFalse();
  }

  @Test
  void anotherAuthorizationRequestStartsFromTheFirstStep() {
    LoginPipeline pipeline = pipeline(continuing("first"), page("questions", "/questions"));
    String location = redirectOf(pipeline.run(get(QUERY), VISIBLE));
    pipeline.complete(session, resumeKey(location), "questions");

    LoginPipeline.Outcome other = pipeline.run(get(QUERY.replace("xyz", "abc")), VISIBLE);

    assertThat(other).isInstanceOf(LoginPipeline.Outcome.Redirect.class);
    assertThat(ran).containsExactly("first", "questions", "first", "questions");
  }

  @Test
  void completeWithAWrongStepOrAnUnknownKeyResumesNothing() {
    LoginPipeline pipeline = pipeline(page("questions", "/questions"));
    String key = resumeKey(redirectOf(pipeline.run(get(QUERY), VISIBLE)));

    assertThat(pipeline.complete(session, key, "email-verification")).isEmpty();
    assertThat(pipeline.complete(session, "0".repeat(64), "questions")).isEmpty();
    assertThat(pipeline.complete(session, key.toUpperCase(), "questions")).isEmpty();
    assertThat(pipeline.complete(session, "not-a-key", "questions")).isEmpty();
    assertThat(pipeline.complete(session, null, "questions")).isEmpty();
    assertThat(pipeline.complete(new MockHttpSession(), key, "questions")).isEmpty();

    assertThat(pipeline.complete(session, key, "questions")).isPresent();
    assertThat(pipeline.complete(session, key, "questions")).isEmpty();
  }

  @Test
  void postedAuthorizationRequestResumesAsTheEquivalentGet() {
    LoginPipeline pipeline =
        pipeline(continuing("first"), page("questions", "/questions"), continuing("third"));
    MockHttpServletRequest post = new MockHttpServletRequest("POST", "/oauth2/authorize");
    post.setSession(session);
    post.addParameter("response_type", "code");
    post.addParameter("client_id", "shop");
    post.addParameter("scope", "openid profile");
    post.addParameter("redirect_uri", "https://app.example.com/cb?a=1&b=2");
    post.addParameter("state", "x/y+z");
    String location = redirectOf(pipeline.run(post, VISIBLE));

    String resumeUrl = pipeline.complete(session, resumeKey(location), "questions").orElseThrow();
    MockHttpServletRequest get = get(queryOf(resumeUrl));

    assertThat(get.getParameter("redirect_uri")).isEqualTo("https://app.example.com/cb?a=1&b=2");
    assertThat(get.getParameter("scope")).isEqualTo("openid profile");
    assertThat(get.getParameter("state")).isEqualTo("x/y+z");
    assertThat(get.getParameter("client_id")).isEqualTo("shop");
    assertThat(pipeline.run(get, VISIBLE)).isInstanceOf(LoginPipeline.Outcome.Proceed.class);
    assertThat(ran).containsExactly("first", "questions", "third");
  }

  private LoginPipeline pipeline(LoginStep... steps) {
    return new LoginPipeline(List.of(steps));
  }

  /** A GET of the authorization endpoint, with its parameters decoded as a servlet would. */
  private MockHttpServletRequest get(String query) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/oauth2/authorize");
    request.setSession(session);
    request.setQueryString(query);
    UriComponentsBuilder.fromUriString("/?" + query)
        .build()
        .getQueryParams()
        .forEach(
            (name, values) ->
                values.forEach(
                    value -> request.addParameter(name, decode(value == null ? "" : value))));
    return request;
  }

  private static String decode(String value) {
    return URLDecoder.decode(value, StandardCharsets.UTF_8);
  }

  private LoginStep continuing(String name) {
    return step(name, context -> StepResult.CONTINUE);
  }

  private LoginStep page(String name, String path) {
    return step(name, context -> new StepResult.ShowPage(path));
  }

  /** A step that notes each run, so that a test can tell how often and in which order. */
  private LoginStep step(String name, Function<LoginContext, StepResult> decision) {
    return new LoginStep() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public StepResult evaluate(LoginContext context) {
        ran.add(name);
        return decision.apply(context);
      }
    };
  }

  private static String redirectOf(LoginPipeline.Outcome outcome) {
    return ((LoginPipeline.Outcome.Redirect) outcome).location();
  }

  private static String resumeKey(String location) {
    return location.substring(location.indexOf("resume=") + "resume=".length());
  }

  private static String queryOf(String url) {
    return url.substring(url.indexOf('?') + 1);
  }
}
