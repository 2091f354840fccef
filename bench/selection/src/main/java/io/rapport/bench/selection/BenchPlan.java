package io.rapport.bench.selection;

import io.rapport.profiling.AnswerRules;
import io.rapport.profiling.AskMode;
import io.rapport.profiling.AskRules;
import io.rapport.profiling.ChoiceOption;
import io.rapport.profiling.Condition;
import io.rapport.profiling.InputKind;
import io.rapport.profiling.Moments;
import io.rapport.profiling.Plan;
import io.rapport.profiling.Policy;
import io.rapport.profiling.Question;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark's plan of 200 questions over the 150 attributes of {@link BenchCatalog}, made the
 * same way at every run. The first 150 questions ask one attribute each; the last 50 ask again for
 * attributes asked before, at another moment, for another application or when the known value is
 * doubtful. Every rule of the plan format occurs, in proportions a large company might choose:
 *
 * <ul>
 *   <li>moments: three in four at {@code login} only, the others also or only at {@code purchase}
 *       or {@code signup};
 *   <li>login rules: {@code at-login} (1 to 8) on one in seven, {@code from-login} (1 to 8) on four
 *       in seven;
 *   <li>{@code after-days} (7, 30 or 90) on one in eleven; {@code applications} on two in thirteen;
 *   <li>{@code when} conditions on a third of questions 40 to 149, each on the value of one of the
 *       unconditioned single choices among questions 0 to 39 (so that no cycle can form);
 *   <li>{@code ask: low-confidence} on one in five; priorities from -5 to 10; two gates; four
 *       questions disabled; wording in English and German, help on one in four.
 * </ul>
 */
final class BenchPlan {

  static final int QUESTIONS = 200;
  static final String CLIENT_ID = "login-bench";
  static final String OTHER_CLIENT = "other-app";
  static final String PURCHASE = "purchase";

  /** The questions conditions may look at: unconditioned, and asking their own attribute. */
  private static final int BASE_QUESTIONS = 40;

  /**
   * A text pattern that every plain answer satisfies, the login benchmark's included: letters,
   * digits, spaces and simple punctuation.
   */
  static final String TEXT_PATTERN = "[\\p{L}0-9 .,'-]+";

  private BenchPlan() {}

  /** The selection benchmark's policy: three questions a prompt, four prompts in 30 days. */
  static final Policy SELECTION_POLICY =
      new Policy(3, new Policy.FrictionBudget(4, 30), new Policy.Snooze(2, 14, 3));

  /**
   * The login benchmark's policy: as many questions a prompt as the format allows and no friction
   * budget, so that its bench users can answer the whole plan in a few logins before the timing.
   * Neither rule is looked at until the questions due have been found, and at the logins timed none
   * are, so the policy does not change the cost being measured.
   */
  static final Policy LOGIN_POLICY = new Policy(20, null, Policy.Snooze.DEFAULT);

  static Plan plan(Policy policy) {
    List<BenchCatalog.Entry> catalog = BenchCatalog.entries();
    List<Question> questions = new ArrayList<>();
    for (int i = 0; i < QUESTIONS; i++) {
      questions.add(question(i, catalog));
    }
    return new Plan(policy, questions);
  }

  private static Question question(int i, List<BenchCatalog.Entry> catalog) {
    BenchCatalog.Entry entry = catalog.get(attributeIndex(i, catalog.size()));
    InputKind input = entry.input();
    boolean gate = i == 10 || i == 11;
    return new Question(
        id(i),
        entry.key(),
        input,
        wording("Question %d: what is your %s?", "Frage %d: Was ist Ihr %s?", i, entry.key()),
        i % 4 == 0 ? wording("Help %d for %s.", "Hilfe %d zu %s.", i, entry.key()) : Map.of(),
        options(i, entry),
        rules(i, input),
        when(i, catalog, gate),
        gate ? 5 : (i * 37) % 16 - 5,
        gate,
        i % 50 != 49);
  }

  static String id(int i) {
    return String.format(Locale.ROOT, "q%03d", i);
  }

  /** Questions 0 to 149 ask attribute i; 150 to 199 ask again for every third attribute. */
  private static int attributeIndex(int i, int attributes) {
    return i < attributes ? i : ((i - attributes) * 3 + 1) % attributes;
  }

  private static Map<String, String> wording(String en, String de, int i, String key) {
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put("en", String.format(Locale.ROOT, en, i, key.replace('_', ' ')));
    texts.put("de", String.format(Locale.ROOT, de, i, key.replace('_', ' ')));
    return texts;
  }

  /** Options of a choice: numbers for a number attribute, else {@code opt-1} and so on. */
  static List<ChoiceOption> options(int i, BenchCatalog.Entry entry) {
    if (!entry.input().hasOptions()) {
      return List.of();
    }
    int count = entry.input() == InputKind.MULTIPLE_CHOICE ? 4 + i % 7 : 3 + i % 6;
    boolean numbers = entry.attribute().type() == io.rapport.profile.ValueType.NUMBER;
    List<ChoiceOption> options = new ArrayList<>();
    for (int n = 1; n <= count; n++) {
      String value = numbers ? Integer.toString(n * 10) : "opt-" + n;
      Map<String, String> label = new LinkedHashMap<>();
      label.put("en", "Option " + n);
      label.put("de", "Auswahl " + n);
      options.add(new ChoiceOption(value, label));
    }
    return options;
  }

  private static AnswerRules rules(int i, InputKind input) {
    boolean required = i % 9 == 0;
    if (input.typed()) {
      Integer minLength = i % 3 == 0 ? 2 : null;
      String pattern = input == InputKind.TEXT && i % 2 == 1 ? TEXT_PATTERN : null;
      return new AnswerRules(required, minLength, 100 + i % 5 * 50, null, null, pattern);
    }
    if (input == InputKind.NUMBER) {
      return new AnswerRules(
          required, null, null, BigDecimal.ZERO, BigDecimal.valueOf(100_000), null);
    }
    return new AnswerRules(required, null, null, null, null, null);
  }

  private static AskRules when(int i, List<BenchCatalog.Entry> catalog, boolean gate) {
    List<String> moments = moments(i, gate);
    boolean atLogin = moments.contains(Moments.LOGIN);
    Integer exactLogin = atLogin && i % 7 == 0 ? 1 + (i / 7) % 8 : null;
    Integer fromLogin = atLogin && i % 7 >= 1 && i % 7 <= 4 ? 1 + i % 8 : null;
    Integer afterDays = i % 11 == 5 ? List.of(7, 30, 90).get(i % 3) : null;
    // Not on sign-up questions: a sign-up form opened without an authorization request has no
    // client id, and Rapport 0.1.0 then fails the page (Eligibility.applicationMatches calls
    // List.contains(null) on an immutable list: a NullPointerException, status 500).
    List<String> applications =
        moments.contains(Moments.SIGNUP)
            ? null
            : switch (i % 13) {
              case 6 -> List.of(OTHER_CLIENT);
              case 7 -> List.of(CLIENT_ID, OTHER_CLIENT);
              default -> null;
            };
    boolean lowConfidence = i % 5 == 2 && !gate;
    return new AskRules(
        moments,
        gate ? null : fromLogin,
        gate ? null : exactLogin,
        gate ? null : afterDays,
        gate ? null : applications,
        condition(i, catalog),
        lowConfidence ? AskMode.LOW_CONFIDENCE : AskMode.UNKNOWN,
        lowConfidence ? 0.6 + (i % 4) * 0.1 : null);
  }

  private static List<String> moments(int i, boolean gate) {
    if (gate) {
      return List.of(Moments.LOGIN);
    }
    return switch (i % 20) {
      case 0, 1, 2 -> List.of(Moments.LOGIN, PURCHASE);
      case 3 -> List.of(PURCHASE);
      case 4 -> List.of(Moments.SIGNUP, Moments.LOGIN);
      default -> List.of(Moments.LOGIN);
    };
  }

  /**
   * One in three of questions 40 to 149: on the first option of a base single choice (which the
   * login benchmark's users choose) for odd i, on its second option otherwise (which they do not).
   */
  private static Condition condition(int i, List<BenchCatalog.Entry> catalog) {
    if (i < BASE_QUESTIONS || i >= catalog.size() || i % 3 != 1) {
      return null;
    }
    List<Integer> bases = new ArrayList<>();
    for (int b = 0; b < BASE_QUESTIONS; b++) {
      BenchCatalog.Entry base = catalog.get(b);
      if (base.input() == InputKind.SINGLE_CHOICE
          && base.attribute().type() == io.rapport.profile.ValueType.TEXT) {
        bases.add(b);
      }
    }
    int base = bases.get(i % bases.size());
    List<ChoiceOption> offered = options(base, catalog.get(base));
    String value = offered.get(i % 2 == 1 ? 0 : 1).value();
    return new Condition(catalog.get(base).key(), List.of(value));
  }

  /** What the plan holds, for the benchmark's report. */
  static String describe(Plan plan) {
    Map<String, Integer> kinds = new LinkedHashMap<>();
    int conditions = 0;
    int lowConfidence = 0;
    int gates = 0;
    int loginRules = 0;
    for (Question question : plan.questions()) {
      kinds.merge(question.input().key(), 1, Integer::sum);
      conditions += question.when().condition() == null ? 0 : 1;
      lowConfidence += question.when().ask() == AskMode.LOW_CONFIDENCE ? 1 : 0;
      gates += question.gate() ? 1 : 0;
      boolean rule = question.when().fromLogin() != null || question.when().atLogin() != null;
      loginRules += rule ? 1 : 0;
    }
    long attributes = plan.questions().stream().map(Question::attribute).distinct().count();
    return String.format(
        Locale.ROOT,
        "%d questions over %d attributes; inputs %s; %d with a login rule, %d with a condition,"
            + " %d low-confidence, %d gates",
        plan.questions().size(),
        attributes,
        kinds,
        loginRules,
        conditions,
        lowConfidence,
        gates);
  }
}
