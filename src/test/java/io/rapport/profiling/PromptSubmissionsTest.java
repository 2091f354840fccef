package io.rapport.profiling;

import static io.rapport.profiling.QuestionBuilder.ask;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.platform.testing.TestDatabase;
import io.rapport.profile.Attribute;
import io.rapport.profile.Sensitivity;
import io.rapport.profile.ValueType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Prompts made at a login, and what their answers store, on both databases. */
class PromptSubmissionsTest {

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void loginMakesOnePromptWhichStaysUntilAnsweredAndIsAbandonedByTheNext(TestDatabase database) {
    ProfilingFixture fixture = new ProfilingFixture(database.dataSource()).withAcmeAttributes();
    fixture.plans.replace(AcmeVideoPlan.plan());
    PromptService prompts = fixture.prompts();
    String user = fixture.newUser(0);

    assertThat(prompts.atLogin(user, "acme-video")).as("the sign-up session").isEmpty();
    fixture.login(user);
    Prompt first = prompts.atLogin(user, "acme-video").orElseThrow();
    assertThat(first.questionIds()).containsExactly("first-name", "use-case");
    assertThat(prompts.atLogin(user, "acme-video")).as("shown again").contains(first);
    assertThat(prompts.find(user, first.id())).contains(first);
    assertThat(prompts.find(fixture.newUser(1), first.id())).as("another user's").isEmpty();

    fixture.login(user);
    Prompt second = prompts.atLogin(user, "acme-video").orElseThrow();

    assertThat(second.questionIds()).containsExactly("first-name", "use-case");
    assertThat(fixture.journal().find(first.id()).orElseThrow().state())
        .isEqualTo(PromptState.ABANDONED);
    assertThat(fixture.submissions().submit(second, Map.of("answer.first-name", List.of("Ada"))))
        .isInstanceOf(SubmissionOutcome.Accepted.class);
    assertThat(prompts.atLogin(user, "acme-video")).as("one prompt per login").isEmpty();
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void oneRefusedAnswerStoresNoneOfTheOthers(TestDatabase database) {
    ProfilingFixture fixture = new ProfilingFixture(database.dataSource()).withAcmeAttributes();
    fixture.plans.replace(AcmeVideoPlan.plan());
    String user = fixture.newUser(1);
    Prompt prompt = fixture.prompts().atLogin(user, null).orElseThrow();
    long events = fixture.count("profiling_event");

    SubmissionOutcome outcome =
        fixture
            .submissions()
            .submit(
                prompt,
                Map.of(
                    "answer.first-name", List.of("Ada"),
                    "answer.use-case", List.of("training", "marketing")));

    assertThat(outcome).isInstanceOf(SubmissionOutcome.Rejected.class);
    CheckedAnswers answers = ((SubmissionOutcome.Rejected) outcome).answers();
    assertThat(answers.errors()).containsOnlyKeys("use-case");
    assertThat(answers.errors().get("use-case").key()).isEqualTo("prompt.error.oneValue");
    assertThat(fixture.count("observation")).isZero();
    assertThat(fixture.count("profiling_event")).isEqualTo(events);
    assertThat(fixture.journal().find(prompt.id()).orElseThrow().state())
        .isEqualTo(PromptState.OPEN);
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void anAnswerLeftEmptyCountsAsASkipOfThatQuestion(TestDatabase database) {
    ProfilingFixture fixture = new ProfilingFixture(database.dataSource()).withAcmeAttributes();
    fixture.plans.replace(AcmeVideoPlan.plan());
    String user = fixture.newUser(1);
    Prompt prompt = fixture.prompts().atLogin(user, null).orElseThrow();

    SubmissionOutcome outcome =
        fixture
            .submissions()
            .submit(
                prompt,
                Map.of("answer.first-name", List.of(" Ada "), "answer.use-case", List.of("")));

    assertThat(outcome).isInstanceOf(SubmissionOutcome.Accepted.class);
    assertThat(fixture.profiles.profileOf(user).value("given_name")).contains("Ada");
    assertThat(fixture.journal().history(user, ProfilingFixture.START, 1).questions())
        .containsEntry(
            "use-case", new PromptHistory.QuestionHistory(1, 0, 1, ProfilingFixture.START, 1))
        .containsEntry("first-name", new PromptHistory.QuestionHistory(1, 1, 0, null, 0));
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void gateCannotBeSkippedAndMustBeAnswered(TestDatabase database) {
    ProfilingFixture fixture = new ProfilingFixture(database.dataSource());
    fixture.catalog.define(
        new Attribute(
            "terms_accepted", ValueType.BOOLEAN, Sensitivity.PUBLIC, Map.of("en", "Terms"), false));
    fixture.plans.replace(
        new Plan(
            Policy.DEFAULT,
            List.of(
                ask("terms", "terms_accepted").input(InputKind.YES_NO).gate().build(),
                ask("name", "given_name").build())));
    String user = fixture.newUser(1);
    Prompt prompt = fixture.prompts().atLogin(user, null).orElseThrow();
    PromptSubmissions submissions = fixture.submissions();

    SubmissionOutcome skipped = submissions.skip(prompt);
    SubmissionOutcome empty = submissions.submit(prompt, Map.of());
    SubmissionOutcome answered =
        submissions.submit(prompt, Map.of("answer.terms", List.of("true")));

    assertThat(((SubmissionOutcome.Rejected) skipped).answers().formErrors())
        .containsExactly(MessageRef.of("prompt.error.gate"));
    assertThat(((SubmissionOutcome.Rejected) empty).answers().errors().get("terms"))
        .isEqualTo(MessageRef.of("prompt.error.required"));
    assertThat(answered).isInstanceOf(SubmissionOutcome.Accepted.class);
    assertThat(fixture.profiles.profileOf(user).value("terms_accepted")).contains("true");
    assertThat(submissions.submit(prompt, Map.of("answer.terms", List.of("false"))))
        .as("a replay, with the prompt as it was read before")
        .isInstanceOf(SubmissionOutcome.Closed.class);
    assertThat(fixture.profiles.profileOf(user).value("terms_accepted")).contains("true");
  }
}
