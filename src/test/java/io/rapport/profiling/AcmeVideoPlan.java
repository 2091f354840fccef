package io.rapport.profiling;

import java.util.List;
import java.util.Map;

/**
 * The plan of {@code examples/acme-video/rapport.yaml}, written out in Java: the import tests check
 * that the file reads into exactly this, and the selection tests walk it.
 */
public final class AcmeVideoPlan {

  public static final String CLIENT_ID = "acme-video";

  private AcmeVideoPlan() {}

  public static Plan plan() {
    return new Plan(
        new Policy(2, null, new Policy.Snooze(2, null, 3)),
        List.of(firstName(), useCase(), companyName(), jobRole(), companySize(), country()));
  }

  static Question firstName() {
    return new Question(
        "first-name",
        "given_name",
        InputKind.TEXT,
        Map.of("en", "What is your first name?", "de", "Wie ist Ihr Vorname?"),
        Map.of(
            "en", "So that we know how to greet you.",
            "de", "Damit wir wissen, wie wir Sie ansprechen sollen."),
        List.of(),
        new AnswerRules(false, null, 100, null, null, null),
        fromLogin(1, List.of("login"), AskMode.UNKNOWN, null),
        0,
        false,
        true);
  }

  static Question useCase() {
    return choice(
        "use-case",
        "use_case",
        Map.of("en", "What will you use Acme Video for?", "de", "Wofür nutzen Sie Acme Video?"),
        List.of(
            option("training", "Training", "Schulungen"),
            option("marketing", "Marketing", "Marketing"),
            option("product-demos", "Product demos", "Produktvorführungen"),
            option("internal-communication", "Internal communication", "Interne Kommunikation"),
            option("other", "Something else", "Etwas anderes")),
        fromLogin(1, List.of("login"), AskMode.UNKNOWN, null));
  }

  static Question companyName() {
    return new Question(
        "company-name",
        "company_name",
        InputKind.TEXT,
        Map.of(
            "en", "Which company do you work for?", "de", "Für welches Unternehmen arbeiten Sie?"),
        Map.of(),
        List.of(),
        new AnswerRules(false, null, 200, null, null, null),
        fromLogin(2, List.of("login", "purchase"), AskMode.LOW_CONFIDENCE, 0.8),
        0,
        false,
        true);
  }

  static Question jobRole() {
    return choice(
        "job-role",
        "job_role",
        Map.of("en", "What is your role?", "de", "Was ist Ihre Rolle?"),
        List.of(
            option("hr", "HR", "Personalwesen"),
            option("engineering", "Engineering", "Entwicklung"),
            option("marketing", "Marketing", "Marketing"),
            option("sales", "Sales", "Vertrieb"),
            option("executive", "Executive", "Geschäftsführung"),
            option("other", "Something else", "Etwas anderes")),
        fromLogin(2, List.of("login", "purchase"), AskMode.UNKNOWN, null));
  }

  static Question companySize() {
    return choice(
        "company-size",
        "company_size",
        Map.of(
            "en", "How many people work at your company?",
            "de", "Wie viele Menschen arbeiten in Ihrem Unternehmen?"),
        List.of(
            option("1", "1–10", "1–10"),
            option("11", "11–50", "11–50"),
            option("51", "51–200", "51–200"),
            option("201", "201–1,000", "201–1.000"),
            option("1001", "1,001–5,000", "1.001–5.000"),
            option("5001", "More than 5,000", "Mehr als 5.000")),
        fromLogin(3, List.of("login"), AskMode.UNKNOWN, null));
  }

  static Question country() {
    return new Question(
        "country",
        "country",
        InputKind.COUNTRY,
        Map.of("en", "Where are you based?", "de", "In welchem Land arbeiten Sie?"),
        Map.of(),
        List.of(),
        AnswerRules.NONE,
        fromLogin(3, List.of("login"), AskMode.UNKNOWN, null),
        0,
        false,
        true);
  }

  private static Question choice(
      String id,
      String attribute,
      Map<String, String> text,
      List<ChoiceOption> options,
      AskRules when) {
    return new Question(
        id,
        attribute,
        InputKind.SINGLE_CHOICE,
        text,
        Map.of(),
        options,
        AnswerRules.NONE,
        when,
        0,
        false,
        true);
  }

  private static ChoiceOption option(String value, String english, String german) {
    return new ChoiceOption(value, Map.of("en", english, "de", german));
  }

  private static AskRules fromLogin(
      int login, List<String> moments, AskMode ask, Double belowConfidence) {
    return new AskRules(moments, login, null, null, List.of(), null, ask, belowConfidence);
  }
}
