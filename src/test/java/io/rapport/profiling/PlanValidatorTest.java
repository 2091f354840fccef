package io.rapport.profiling;

import static io.rapport.profiling.QuestionBuilder.ask;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanValidatorTest {

  private final PlanValidator validator = new PlanValidator(Profiles.CATALOG);

  @Test
  void acmeVideoPlanIsValid() {
    assertThat(validator.validate(AcmeVideoPlan.plan())).isEqualTo(AcmeVideoPlan.plan());
  }

  @Test
  void optionAndConditionValuesAreStoredInTheFormOfTheirAttribute() {
    Plan plan =
        plan(
            ask("size", "company_size")
                .input(InputKind.SINGLE_CHOICE)
                .option("1.0")
                .option("11")
                .build(),
            ask("team", "team_size").input(InputKind.NUMBER).when("company_size", "011").build());

    Plan valid = validator.validate(plan);

    assertThat(valid.questions().get(0).options())
        .extracting(ChoiceOption::value)
        .containsExactly("1", "11");
    assertThat(valid.questions().get(1).when().condition().values()).containsExactly("11");
  }

  @Test
  void unknownAttributesAreNamedWithTheirQuestionAndField() {
    Plan plan =
        plan(
            ask("role", "jobrole").build(),
            ask("team", "team_size").input(InputKind.NUMBER).when("job_rolle", "hr").build());

    assertThat(problems(plan))
        .containsExactly(
            "question 'role' (questions[0]), attribute: unknown attribute 'jobrole': the attribute"
                + " catalog defines no such key",
            "question 'team' (questions[1]), when.attribute: unknown attribute 'job_rolle': the"
                + " attribute catalog defines no such key");
  }

  @Test
  void optionThatIsNoValueOfTheAttributeTypeIsRefused() {
    Plan plan =
        plan(
            ask("size", "company_size")
                .input(InputKind.SINGLE_CHOICE)
                .option("1")
                .option("11-50")
                .option("1")
                .build());

    assertThat(problems(plan))
        .containsExactly(
            "question 'size' (questions[0]), options[1].value: '11-50' is not a value of attribute"
                + " 'company_size' (number): expected a decimal number such as 250 or -12.5",
            "question 'size' (questions[0]), options[2].value: '1' is offered twice");
  }

  @Test
  void conditionValueThatIsNoValueOfItsAttributeIsRefused() {
    Plan plan =
        plan(ask("team", "team_size").input(InputKind.NUMBER).when("company_size", "big").build());

    assertThat(problems(plan))
        .containsExactly(
            "question 'team' (questions[0]), when.in[0]: 'big' is not a value of attribute"
                + " 'company_size' (number): expected a decimal number such as 250 or -12.5");
  }

  @Test
  void inputKindThatCannotFillTheAttributeIsRefusedWithTheKindsThatCan() {
    Plan plan =
        plan(
            ask("size", "company_size").input(InputKind.TEXT).build(),
            ask("news", "newsletter").input(InputKind.SINGLE_CHOICE).option("true").build());

    assertThat(problems(plan))
        .containsExactly(
            "question 'size' (questions[0]), input: text cannot ask for attribute 'company_size' of"
                + " type number; use number, single-choice",
            "question 'news' (questions[1]), input: single-choice cannot ask for attribute"
                + " 'newsletter' of type boolean; use yes-no");
  }

  @Test
  void conditionCycleIsReportedOnceAtItsFirstQuestion() {
    Plan plan =
        plan(
            ask("name", "given_name").build(),
            ask("team", "team_size").input(InputKind.NUMBER).when("job_role").build(),
            ask("role", "job_role").when("company_name").build(),
            ask("company", "company_name").when("team_size", "10").build());

    assertThat(problems(plan))
        .containsExactly(
            "question 'team' (questions[1]), when.attribute: conditions form a cycle, so none of"
                + " them is asked: question 'team' asks for team_size only when job_role is known;"
                + " question 'role' asks for job_role only when company_name is known; question"
                + " 'company' asks for company_name only when team_size is known");
  }

  @Test
  void questionWaitingOnItsOwnAttributeIsACycle() {
    Plan plan = plan(ask("role", "job_role").when("job_role", "hr").build());

    assertThat(problems(plan)).hasSize(1).first().asString().contains("conditions form a cycle");
  }

  @Test
  void duplicateIdsAreRefusedNamingTheFirst() {
    Plan plan = plan(ask("name", "given_name").build(), ask("name", "company_name").build());

    assertThat(problems(plan))
        .containsExactly(
            "question 'name' (questions[1]), id: 'name' is the id of questions[0] already");
  }

  @Test
  void wordingNeedsEnglishAndRealLanguageTags() {
    Plan plan =
        plan(
            ask("name", "given_name")
                .text(Map.of("de", "Vorname?", "Deutsch", "Vorname?"))
                .build());

    assertThat(problems(plan))
        .containsExactly(
            "question 'name' (questions[0]), text: needs an English text (language 'en')",
            "question 'name' (questions[0]), text.Deutsch: 'Deutsch' is not a language tag such as"
                + " en or pt-BR");
  }

  @Test
  void rulesThatDoNotFitTheInputKindAreRefused() {
    Plan plan =
        plan(
            ask("size", "company_size")
                .input(InputKind.NUMBER)
                .length(1, 5)
                .range("10", "1")
                .build(),
            ask("name", "given_name").length(10, 5).pattern("[a-z").range("1", null).build());

    assertThat(problems(plan))
        .containsExactly(
            "question 'size' (questions[0]), min-length: applies to text, email, url and phone"
                + " questions only, not to number",
            "question 'size' (questions[0]), max-length: applies to text, email, url and phone"
                + " questions only, not to number",
            "question 'size' (questions[0]), min: is greater than max",
            "question 'name' (questions[1]), min-length: is greater than max-length",
            "question 'name' (questions[1]), min: applies to number questions only, not to text",
            "question 'name' (questions[1]), pattern: is not a regular expression: Unclosed"
                + " character class at 3");
  }

  @Test
  void loginRulesNeedTheLoginMomentAndOneOfFromOrAt() {
    Plan plan =
        plan(
            ask("a", "given_name").moments("purchase").fromLogin(2).build(),
            ask("b", "company_name").fromLogin(0).build(),
            ask("c", "job_role").fromLogin(2).atLogin(3).build(),
            ask("d", "country").input(InputKind.COUNTRY).moments("login", "Purchase!").build());

    assertThat(problems(plan))
        .containsExactly(
            "question 'a' (questions[0]), from-login: counts logins, so moments must include"
                + " login",
            "question 'b' (questions[1]), from-login: must be 1 or more: login 1 is the first"
                + " sign-in after sign-up",
            "question 'c' (questions[2]), at-login: give either from-login or at-login, not both",
            "question 'd' (questions[3]), moments[1]: 'Purchase!' is not a moment: signup,"
                + " login, or a name of a-z, 0-9, '_' or '-' starting with a letter, such as"
                + " purchase");
  }

  @Test
  void choiceQuestionsNeedOptionsAndOthersMayNotHaveThem() {
    Plan plan =
        plan(
            ask("role", "job_role").input(InputKind.SINGLE_CHOICE).build(),
            ask("name", "given_name").option("x").build());

    assertThat(problems(plan))
        .containsExactly(
            "question 'role' (questions[0]), options: a choice question needs 1 to 100 options",
            "question 'name' (questions[1]), options: only single-choice and multiple-choice"
                + " questions have options");
  }

  @Test
  void policyLimitsMustBePositive() {
    Plan plan =
        new Plan(
            new Policy(0, new Policy.FrictionBudget(0, 7), new Policy.Snooze(0, null, 0)),
            List.of());

    assertThat(problems(plan))
        .containsExactly(
            "policy, max-questions: must be from 1 to 20",
            "policy, friction-budget.prompts: must be from 1 to 3650",
            "policy, snooze.logins: must be from 1 to 3650",
            "policy, snooze.stop-after-skips: must be from 1 to 3650");
  }

  private List<String> problems(Plan plan) {
    try {
      validator.validate(plan);
    } catch (InvalidPlanException e) {
      return e.problems().stream().map(PlanProblem::toString).toList();
    }
    throw new AssertionError("the plan was accepted");
  }

  private static Plan plan(Question... questions) {
    return new Plan(Policy.DEFAULT, List.of(questions));
  }
}
