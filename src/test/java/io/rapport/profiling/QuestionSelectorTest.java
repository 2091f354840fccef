package io.rapport.profiling;

import static io.rapport.profiling.QuestionBuilder.ask;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.platform.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The selection rules, each on a clock the test moves: nothing here sleeps. */
class QuestionSelectorTest {

  private static final Instant SIGN_UP = Instant.parse("2026-02-02T10:00:00Z");
  private static final Map<String, String> ANSWERS =
      Map.of(
          "given_name", "Ada",
          "use_case", "training",
          "company_name", "Acme Analytics",
          "job_role", "engineering",
          "company_size", "11",
          "country", "GB");

  private final MutableClock clock = new MutableClock(SIGN_UP);

  @Nested
  class AcmeVideo {

    private final SimulatedUser user = new SimulatedUser(AcmeVideoPlan.plan(), clock);

    @Test
    void signUpAsksNothingAndTheAuthorizationAfterSignUpIsNoLogin() {
      assertThat(user.peek(Moments.SIGNUP)).isEmpty();
      assertThat(user.logins()).isZero();
      assertThat(user.peek(Moments.LOGIN)).isEmpty();
    }

    @Test
    void eachLoginAsksItsQuestionsAndASkipReturnsTwoLoginsLater() {
      List<String> first = user.login();
      assertThat(first).containsExactly("first-name", "use-case");
      user.answer(first, ANSWERS);

      List<String> second = user.login();
      assertThat(second).containsExactly("company-name", "job-role");
      user.answer(second, ANSWERS);

      List<String> third = user.login();
      assertThat(third).containsExactly("company-size", "country");
      user.skip(third);

      assertThat(user.login()).as("login 4: snoozed").isEmpty();
      List<String> fifth = user.login();
      assertThat(fifth).as("login 5: back").containsExactly("company-size", "country");
      user.answer(fifth, ANSWERS);

      assertThat(user.login()).as("login 6: nothing left").isEmpty();
    }

    @Test
    void aSkippedQuestionComesBackAtMostTwice() {
      user.answer(user.login(), ANSWERS);
      user.answer(user.login(), ANSWERS);
      user.skip(user.login());
      user.login();
      user.skip(user.login());
      user.login();
      List<String> seventh = user.login();
      assertThat(seventh)
          .as("login 7: back a second time")
          .containsExactly("company-size", "country");
      user.skip(seventh);

      for (int login = 8; login <= 12; login++) {
        assertThat(user.login()).as("login %d", login).isEmpty();
      }
      clock.advance(Duration.ofDays(400));
      assertThat(user.login()).isEmpty();
    }

    @Test
    void aPurchaseBeforeTheSecondLoginAsksForCompanyAndRole() {
      user.answer(user.login(), ANSWERS);

      List<String> atPurchase = user.due("purchase");

      assertThat(atPurchase).containsExactly("company-name", "job-role");
      user.answer(atPurchase, ANSWERS);
      assertThat(user.login()).as("login 2: already known").isEmpty();
      assertThat(user.login()).as("login 3").containsExactly("company-size", "country");
    }

    @Test
    void skippedFirstLoginQuestionsComeBackBeforeLaterOnesInPlanOrder() {
      user.skip(user.login());
      user.answer(user.login(), ANSWERS);

      assertThat(user.login()).containsExactly("first-name", "use-case");
    }

    @Test
    void onePromptPerLoginEvenWhenMoreQuestionsAreDue() {
      List<String> first = user.login();
      user.answer(first, ANSWERS);

      assertThat(user.peek(Moments.LOGIN)).as("same login, new authorization").isEmpty();
    }

    @Test
    void anInferredCompanyNameWithLowConfidenceIsOfferedForConfirmation() {
      user.answer(user.login(), ANSWERS);
      user.profile().inferred("company_name", "Acme GmbH", 0.6);

      assertThat(user.login()).containsExactly("company-name", "job-role");
      assertThat(user.lastDue())
          .extracting(DueQuestion::offered)
          .containsExactly("Acme GmbH", null);
    }
  }

  @Test
  void lowConfidenceQuestionOffersTheInferredValue() {
    Plan plan = plan(ask("company", "company_name").lowConfidence(0.8).build());

    assertThat(select(plan, Profiles.of().inferred("company_name", "Acme GmbH", 0.6)))
        .containsExactly(new DueQuestion(plan.questions().get(0), "Acme GmbH"));
    assertThat(select(plan, Profiles.of().inferred("company_name", "Acme GmbH", 0.8))).isEmpty();
    assertThat(select(plan, Profiles.of().said("company_name", "Acme GmbH"))).isEmpty();
    assertThat(select(plan, Profiles.of()))
        .containsExactly(new DueQuestion(plan.questions().get(0), null));
  }

  @Test
  void unknownModeAsksNeitherForInferredNorForStatedValues() {
    Plan plan = plan(ask("company", "company_name").build());

    assertThat(select(plan, Profiles.of().inferred("company_name", "Acme GmbH", 0.1))).isEmpty();
    assertThat(select(plan, Profiles.of().said("company_name", "Acme GmbH"))).isEmpty();
  }

  @Test
  void conditionOnAnotherAttributeAsksOnlyForMatchingValues() {
    Plan plan =
        plan(
            ask("team", "team_size")
                .input(InputKind.NUMBER)
                .when("job_role", "hr", "executive")
                .build(),
            ask("site", "website").input(InputKind.URL).when("company_name").build());

    assertThat(select(plan, Profiles.of().said("job_role", "hr")))
        .extracting(this::id)
        .containsExactly("team");
    assertThat(select(plan, Profiles.of().said("job_role", "executive")))
        .extracting(this::id)
        .containsExactly("team");
    assertThat(select(plan, Profiles.of().said("job_role", "engineering"))).isEmpty();
    assertThat(select(plan, Profiles.of())).isEmpty();
    assertThat(select(plan, Profiles.of().inferred("company_name", "Acme", 0.3)))
        .extracting(this::id)
        .containsExactly("site");
  }

  @Test
  void conditionOnAMultipleChoiceAttributeMatchesAnyChosenValue() {
    Plan plan =
        plan(
            ask("languages", "languages")
                .input(InputKind.MULTIPLE_CHOICE)
                .option("java")
                .option("python")
                .build(),
            ask("team", "team_size").input(InputKind.NUMBER).when("languages", "python").build());

    assertThat(select(plan, Profiles.of().said("languages", "java,python")))
        .extracting(this::id)
        .containsExactly("team");
    assertThat(select(plan, Profiles.of().said("languages", "java"))).isEmpty();
  }

  @Test
  void applicationFilterAsksOnlyForTheListedClients() {
    Plan plan =
        plan(ask("company", "company_name").applications("acme-video", "acme-docs").build());

    assertThat(user(plan).through("acme-video").login()).containsExactly("company");
    assertThat(user(plan).through("acme-docs").login()).containsExactly("company");
    assertThat(user(plan).through("other-app").login()).isEmpty();
  }

  @Test
  void exactlyAtALoginAsksAtThatLoginOnlyWhileFromALoginAsksFromThenOn() {
    Plan plan =
        plan(
            ask("exactly", "company_name").atLogin(3).build(),
            ask("from", "job_role").fromLogin(3).build());
    SimulatedUser user = user(plan);

    assertThat(user.login()).isEmpty();
    assertThat(user.login()).isEmpty();
    assertThat(user.login()).containsExactly("exactly", "from");
    assertThat(user.login()).containsExactly("from");
    assertThat(user.login()).containsExactly("from");
  }

  @Test
  void loginNumbersDoNotRestrictNamedMoments() {
    Plan plan = plan(ask("role", "job_role").moments("login", "purchase").atLogin(5).build());
    SimulatedUser user = user(plan);

    user.login();

    assertThat(user.peek("purchase")).containsExactly("role");
    assertThat(user.peek(Moments.LOGIN)).isEmpty();
    assertThat(user.peek("download")).isEmpty();
  }

  @Test
  void afterDaysWaitsThatLongSinceSignUp() {
    Plan plan = plan(ask("company", "company_name").afterDays(30).build());
    SimulatedUser user = user(plan);

    clock.advance(Duration.ofDays(30).minusSeconds(1));
    assertThat(user.login()).isEmpty();
    clock.advance(Duration.ofSeconds(1));
    assertThat(user.login()).containsExactly("company");
  }

  @Test
  void snoozeByDaysBringsASkippedQuestionBackAfterThatManyDays() {
    Plan plan =
        plan(
            new Policy(2, null, new Policy.Snooze(null, 7, 3)),
            ask("company", "company_name").build());
    SimulatedUser user = user(plan);
    user.skip(user.login());

    clock.advance(Duration.ofDays(7).minusMinutes(1));
    assertThat(user.login()).as("six days later, whatever the logins").isEmpty();
    assertThat(user.login()).isEmpty();
    assertThat(user.login()).isEmpty();
    clock.advance(Duration.ofMinutes(1));
    assertThat(user.login()).containsExactly("company");
  }

  @Test
  void snoozeByLoginsOrDaysEndsAtWhicheverComesFirst() {
    Plan plan =
        plan(
            new Policy(2, null, new Policy.Snooze(3, 7, 3)),
            ask("company", "company_name").build());
    SimulatedUser byDays = user(plan);
    byDays.skip(byDays.login());
    clock.advance(Duration.ofDays(7));

    assertThat(byDays.login()).as("one login later, but seven days").containsExactly("company");

    SimulatedUser byLogins = user(plan);
    byLogins.skip(byLogins.login());
    byLogins.login();
    byLogins.login();
    assertThat(byLogins.login()).as("three logins later, the same day").containsExactly("company");
  }

  @Test
  void withoutSnoozeRulesASkippedQuestionComesBackAtTheNextLogin() {
    Plan plan =
        plan(
            new Policy(2, null, new Policy.Snooze(null, null, 2)),
            ask("company", "company_name").build());
    SimulatedUser user = user(plan);

    user.skip(user.login());
    assertThat(user.login()).containsExactly("company");
    user.skip(List.of("company"));
    assertThat(user.login()).as("stopped after two skips").isEmpty();
  }

  @Test
  void frictionBudgetHoldsBackPromptsUntilTheWindowHasRolledOn() {
    Plan plan =
        plan(
            new Policy(1, new Policy.FrictionBudget(2, 7), Policy.Snooze.DEFAULT),
            ask("a", "company_name").build(),
            ask("b", "job_role").build(),
            ask("c", "country").input(InputKind.COUNTRY).build());
    SimulatedUser user = user(plan);

    List<String> first = user.login();
    assertThat(first).containsExactly("a");
    user.answer(first, ANSWERS);
    clock.advance(Duration.ofDays(3));
    List<String> second = user.login();
    assertThat(second).containsExactly("b");
    user.answer(second, ANSWERS);
    clock.advance(Duration.ofDays(3));
    assertThat(user.login()).as("two prompts in the last seven days").isEmpty();
    clock.advance(Duration.ofDays(1));
    assertThat(user.login()).as("the first prompt left the window").containsExactly("c");
  }

  @Test
  void signUpQuestionsDoNotSpendTheFrictionBudget() {
    Plan plan =
        plan(
            new Policy(1, new Policy.FrictionBudget(1, 7), Policy.Snooze.DEFAULT),
            ask("name", "given_name").moments("signup").build(),
            ask("company", "company_name").build());
    SimulatedUser user = user(plan);

    assertThat(user.due(Moments.SIGNUP)).containsExactly("name");
    assertThat(user.login()).containsExactly("company");
  }

  @Test
  void gatesComeFirstThenPriorityThenPlanOrderUpToTheLimit() {
    Plan plan =
        plan(
            new Policy(3, null, Policy.Snooze.DEFAULT),
            ask("plain-1", "given_name").build(),
            ask("plain-2", "use_case").build(),
            ask("urgent", "company_name").priority(10).build(),
            ask("terms", "newsletter").input(InputKind.YES_NO).gate().build());

    assertThat(user(plan).login()).containsExactly("terms", "urgent", "plain-1");
  }

  @Test
  void everyDueGateIsAskedEvenBeyondTheLimitAndTheBudget() {
    Plan plan =
        plan(
            new Policy(1, new Policy.FrictionBudget(1, 7), Policy.Snooze.DEFAULT),
            ask("name", "given_name").build(),
            ask("terms", "newsletter").input(InputKind.YES_NO).gate().build(),
            ask("birthday", "birthday").input(InputKind.DATE).gate().atLogin(2).build());
    SimulatedUser user = user(plan);

    assertThat(user.login()).containsExactly("terms");
    assertThat(user.login()).as("over budget: the gates only").containsExactly("terms", "birthday");
  }

  @Test
  void disabledQuestionsAreNeverAsked() {
    assertThat(user(plan(ask("name", "given_name").disabled().build())).login()).isEmpty();
  }

  @Test
  void onlyOneQuestionPerAttributeIsInAPrompt() {
    Plan plan =
        plan(
            ask("name-short", "given_name").build(),
            ask("name-long", "given_name").build(),
            ask("company", "company_name").build());

    assertThat(user(plan).login()).containsExactly("name-short", "company");
  }

  private SimulatedUser user(Plan plan) {
    return new SimulatedUser(plan, clock);
  }

  private List<DueQuestion> select(Plan plan, Profiles profile) {
    Situation situation =
        new Situation(profile.build(), 1, SIGN_UP, Moments.LOGIN, "acme-video", PromptHistory.NONE);
    return new QuestionSelector(clock).select(plan, situation);
  }

  private String id(DueQuestion due) {
    return due.question().id();
  }

  private static Plan plan(Question... questions) {
    return plan(Policy.DEFAULT, questions);
  }

  private static Plan plan(Policy policy, Question... questions) {
    return new Plan(policy, List.of(questions));
  }
}
