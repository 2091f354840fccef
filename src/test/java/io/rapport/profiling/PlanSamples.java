package io.rapport.profiling;

import static io.rapport.profiling.QuestionBuilder.ask;

import java.util.List;
import java.util.Map;

/**
 * A plan that uses every key of the plan format, on built-in attributes only, with texts that YAML
 * and the import file's variables make hard to write: for the tests that write plans out and read
 * them back.
 */
public final class PlanSamples {

  /** Written as the import file would need it escaped, and as markup that must stay text. */
  public static final String AWKWARD_TEXT =
      "Price: ${PRICE} or $${LITERAL}, \"quoted\" 'single' # no comment <b>bold</b> & done";

  private PlanSamples() {}

  public static Plan everyKey() {
    return new Plan(
        new Policy(3, new Policy.FrictionBudget(2, 7), new Policy.Snooze(null, 14, 1)),
        List.of(team(), website(), awkward(), role(), industries(), country()));
  }

  private static Question team() {
    Question team =
        ask("team", "company_size")
            .input(InputKind.NUMBER)
            .required()
            .range("1", "1E+6")
            .moments(Moments.LOGIN, "purchase")
            .atLogin(4)
            .afterDays(30)
            .applications("acme-video", "ops.tool")
            .when("job_role", "hr", "executive")
            .lowConfidence(0.5)
            .priority(-7)
            .gate()
            .disabled()
            .build();
    return withHelp(team, Map.of("en", "Roughly.", "de", "Ungefähr."));
  }

  private static Question website() {
    return ask("website", "website")
        .input(InputKind.URL)
        .length(10, 200)
        .pattern("https://.*\\.example\\.(com|org)$")
        .when("job_role", "sales")
        .fromLogin(2)
        .build();
  }

  private static Question awkward() {
    Question awkward =
        ask("awkward_1", "job_title")
            .text(
                Map.of(
                    "en", AWKWARD_TEXT,
                    "de", "yes",
                    "pt-BR", "Linha um\nLinha dois",
                    "fr", "  : - @ * & ! % ` | > ?  "))
            .moments(Moments.SIGNUP)
            .build();
    return withHelp(awkward, Map.of("en", "<script>alert('help')</script>"));
  }

  private static Question role() {
    return ask("role", "job_role")
        .input(InputKind.SINGLE_CHOICE)
        .option("011")
        .option("yes")
        .option("null")
        .option("~")
        .option("true")
        .when("company_name")
        .build();
  }

  private static Question industries() {
    return ask("industries", "industry")
        .input(InputKind.MULTIPLE_CHOICE)
        .option("video")
        .option("e-learning")
        .priority(3)
        .build();
  }

  private static Question country() {
    return ask("where", "country").input(InputKind.COUNTRY).afterDays(0).build();
  }

  private static Question withHelp(Question question, Map<String, String> help) {
    return new Question(
        question.id(),
        question.attribute(),
        question.input(),
        question.text(),
        help,
        question.options(),
        question.rules(),
        question.when(),
        question.priority(),
        question.gate(),
        question.enabled());
  }
}
