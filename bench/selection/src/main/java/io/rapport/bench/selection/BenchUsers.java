package io.rapport.bench.selection;

import io.rapport.profile.Attribute;
import io.rapport.profile.Observation;
import io.rapport.profile.Profile;
import io.rapport.profile.ProfileValue;
import io.rapport.profile.Source;
import io.rapport.profiling.ChoiceOption;
import io.rapport.profiling.InputKind;
import io.rapport.profiling.Moments;
import io.rapport.profiling.Plan;
import io.rapport.profiling.PromptHistory;
import io.rapport.profiling.Question;
import io.rapport.profiling.Situation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The users the selection is timed for, made the same way at every run: each knows 100 of the
 * catalog's 150 attributes (a different 100 for each user), with two to four observations each from
 * the user, an administrator, an import, an enrichment provider or an action, at confidences from
 * 0.3 to 1; a history of prompts and skips; and a sign-up 3 to 120 days ago.
 */
final class BenchUsers {

  static final int USERS = 64;
  static final int KNOWN_ATTRIBUTES = 100;

  private static final List<Source> SOURCES =
      List.of(
          Source.USER,
          Source.ADMIN,
          Source.IMPORT,
          Source.enrichment("clearbit"),
          Source.action("score lead"));

  private final Plan plan;
  private final Instant now;
  private final List<BenchCatalog.Entry> catalog = BenchCatalog.entries();

  BenchUsers(Plan plan, Instant now) {
    this.plan = plan;
    this.now = now;
  }

  /** A user as the database returns them: every observation, newest first per attribute. */
  record User(
      String id,
      List<Observation> observations,
      Map<String, Attribute> attributes,
      Profile profile,
      Instant signedUpAt,
      Map<String, PromptHistory.QuestionHistory> questions,
      List<PromptHistory.PastPrompt> prompts) {

    Situation at(int login) {
      return new Situation(
          profile,
          login,
          signedUpAt,
          Moments.LOGIN,
          BenchPlan.CLIENT_ID,
          new PromptHistory(questions, prompts));
    }
  }

  List<User> at(int login) {
    List<User> users = new ArrayList<>();
    for (int u = 0; u < USERS; u++) {
      users.add(user(u, login));
    }
    return users;
  }

  private User user(int u, int login) {
    Random random = new Random(1000L + u);
    String userId = String.format("00000000-0000-4000-8000-%012d", u);
    List<Observation> observations = new ArrayList<>();
    Map<String, ProfileValue> values = new LinkedHashMap<>();
    Map<String, Attribute> attributes = new HashMap<>();
    long id = u * 1000L;
    for (int k = 0; k < KNOWN_ATTRIBUTES; k++) {
      BenchCatalog.Entry entry = catalog.get((u * 7 + k * 3 / 2) % catalog.size());
      if (values.containsKey(entry.key())) {
        entry = firstUnknown(values);
      }
      List<Observation> history = new ArrayList<>();
      int count = 2 + random.nextInt(3);
      for (int n = 0; n < count; n++) {
        Source source = SOURCES.get(random.nextInt(SOURCES.size()));
        double confidence = source.declared() ? 1.0 : 0.3 + random.nextInt(70) / 100.0;
        Instant at = now.minus(Duration.ofMinutes(10 + random.nextInt(200_000)));
        history.add(
            new Observation(
                ++id, userId, entry.key(), value(entry, random), source, confidence, at));
      }
      history.sort(Comparator.comparing(Observation::observedAt).reversed());
      observations.addAll(history);
      attributes.put(entry.key(), entry.attribute());
      values.put(entry.key(), new ProfileValue(entry.attribute(), best(history), history));
    }
    Instant signedUp = now.minus(Duration.ofDays(3 + random.nextInt(118)));
    return new User(
        userId,
        List.copyOf(observations),
        Map.copyOf(attributes),
        new Profile(userId, values),
        signedUp,
        questionHistory(random, login),
        prompts(random, login));
  }

  private BenchCatalog.Entry firstUnknown(Map<String, ProfileValue> values) {
    return catalog.stream()
        .filter(entry -> !values.containsKey(entry.key()))
        .findFirst()
        .orElseThrow();
  }

  /**
   * The effective observation as Rapport's policy chooses it: declared beats inferred, the newest
   * declared, else the most confident; the path benchmark lets Rapport's own code choose instead.
   */
  private static Observation best(List<Observation> history) {
    return history.stream()
        .min(
            Comparator.comparing((Observation o) -> !o.source().declared())
                .thenComparing(
                    o -> o.source().declared() ? 1.0 : o.confidence(), Comparator.reverseOrder())
                .thenComparing(Observation::observedAt, Comparator.reverseOrder()))
        .orElseThrow();
  }

  /** A stored value of the attribute's type; choices pick among the plan's options. */
  private String value(BenchCatalog.Entry entry, Random random) {
    InputKind input = entry.input();
    if (input.hasOptions()) {
      int index = catalogIndex(entry);
      List<ChoiceOption> options = BenchPlan.options(index, entry);
      String first = options.get(random.nextInt(options.size())).value();
      if (input == InputKind.MULTIPLE_CHOICE) {
        return first + "," + options.get(options.size() - 1).value();
      }
      return first;
    }
    return switch (input) {
      case TEXT -> "Value " + random.nextInt(1000);
      case EMAIL -> "someone" + random.nextInt(1000) + "@example.com";
      case URL -> "https://example.com/" + random.nextInt(1000);
      case PHONE -> "+4930" + (1_000_000 + random.nextInt(8_000_000));
      case NUMBER -> Integer.toString(random.nextInt(5000));
      case DATE ->
          "19"
              + (60 + random.nextInt(40))
              + "-0"
              + (1 + random.nextInt(9))
              + "-1"
              + random.nextInt(10);
      case YES_NO -> Boolean.toString(random.nextBoolean());
      case COUNTRY -> List.of("DE", "FR", "US", "GB", "BR").get(random.nextInt(5));
      default -> throw new IllegalStateException("choices are handled above");
    };
  }

  private int catalogIndex(BenchCatalog.Entry entry) {
    for (int i = 0; i < catalog.size(); i++) {
      if (catalog.get(i).key().equals(entry.key())) {
        return i;
      }
    }
    throw new IllegalStateException("not in the catalog: " + entry.key());
  }

  /**
   * About 30 questions shown before; a third of them skipped once to three times, at earlier logins
   * and days, so that the snooze rules decide.
   */
  private Map<String, PromptHistory.QuestionHistory> questionHistory(Random random, int login) {
    Map<String, PromptHistory.QuestionHistory> questions = new HashMap<>();
    List<Question> all = plan.questions();
    for (int n = 0; n < 30; n++) {
      Question question = all.get(random.nextInt(all.size()));
      boolean skipped = random.nextInt(3) == 0;
      int skips = skipped ? 1 + random.nextInt(3) : 0;
      int shown = skips + 1;
      Instant lastSkip = skipped ? now.minus(Duration.ofDays(random.nextInt(30))) : null;
      int lastSkipLogin = skipped ? Math.max(0, login - random.nextInt(4)) : 0;
      questions.put(
          question.id(),
          new PromptHistory.QuestionHistory(
              shown, skipped ? 0 : 1, skips, lastSkip, lastSkipLogin));
    }
    return questions;
  }

  /**
   * Prompts of the last 30 days: two to five, so that the friction budget of four is spent for some
   * users; none at the current login, so that a prompt may be made.
   */
  private List<PromptHistory.PastPrompt> prompts(Random random, int login) {
    List<PromptHistory.PastPrompt> prompts = new ArrayList<>();
    int count = 2 + random.nextInt(4);
    for (int n = 0; n < count; n++) {
      String moment = n % 3 == 2 ? BenchPlan.PURCHASE : Moments.LOGIN;
      int at = Math.max(0, login - 1 - n);
      prompts.add(
          new PromptHistory.PastPrompt(
              moment, at, now.minus(Duration.ofDays(1 + random.nextInt(29)))));
    }
    return prompts;
  }
}
