package io.rapport.profiling;

import io.rapport.profile.ProfileValue;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** Whether one question may be asked in a situation, rule by rule; see docs/profiling.md. */
final class Eligibility {

  private final Situation situation;
  private final Instant now;
  private final Policy.Snooze snooze;
  private final Set<String> multipleChoiceAttributes;

  Eligibility(Situation situation, Instant now, Plan plan) {
    this.situation = situation;
    this.now = now;
    this.snooze = plan.policy().snooze();
    this.multipleChoiceAttributes = MultipleChoice.attributes(plan);
  }

  /** The question as due, or empty when a rule holds it back. */
  Optional<DueQuestion> check(Question question) {
    AskRules when = question.when();
    boolean allowed =
        question.enabled()
            && when.moments().contains(situation.moment())
            && loginRulesHold(when)
            && daysHavePassed(when)
            && applicationMatches(when)
            && conditionHolds(when.condition())
            && notSnoozed(question);
    return allowed ? need(question) : Optional.empty();
  }

  /** Login numbers count password sign-ins, and restrict the {@code login} moment only. */
  private boolean loginRulesHold(AskRules when) {
    if (!Moments.LOGIN.equals(situation.moment())) {
      return true;
    }
    if (when.atLogin() != null) {
      return situation.logins() == when.atLogin();
    }
    return when.fromLogin() == null || situation.logins() >= when.fromLogin();
  }

  private boolean daysHavePassed(AskRules when) {
    return when.afterDays() == null
        || !now.isBefore(situation.signedUpAt().plus(Duration.ofDays(when.afterDays())));
  }

  private boolean applicationMatches(AskRules when) {
    return when.applications().isEmpty() || when.applications().contains(situation.clientId());
  }

  private boolean conditionHolds(Condition condition) {
    if (condition == null) {
      return true;
    }
    Optional<String> value = situation.profile().value(condition.attribute());
    if (value.isEmpty() || condition.values().isEmpty()) {
      return value.isPresent();
    }
    if (multipleChoiceAttributes.contains(condition.attribute())) {
      return Arrays.stream(value.get().split(InputKind.SEPARATOR))
          .anyMatch(condition.values()::contains);
    }
    return condition.values().contains(value.get());
  }

  /** Gates cannot be skipped, so only other questions are ever snoozed. */
  private boolean notSnoozed(Question question) {
    PromptHistory.QuestionHistory history = situation.history().of(question.id());
    if (history.skips() == 0) {
      return true;
    }
    if (history.skips() >= snooze.stopAfterSkips()) {
      return false;
    }
    boolean loginsRule = snooze.logins() != null;
    boolean daysRule = snooze.days() != null;
    if (!loginsRule && !daysRule) {
      return true;
    }
    boolean backByLogins =
        loginsRule && situation.logins() >= history.lastSkipLogin() + snooze.logins();
    boolean backByDays =
        daysRule && !now.isBefore(history.lastSkipAt().plus(Duration.ofDays(snooze.days())));
    return backByLogins || backByDays;
  }

  /** Unknown attributes are asked; known ones only when inferred with too little confidence. */
  private Optional<DueQuestion> need(Question question) {
    ProfileValue known = situation.profile().values().get(question.attribute());
    if (known == null) {
      return Optional.of(new DueQuestion(question, null));
    }
    String doubtful = doubtfulValue(question, known);
    return doubtful == null ? Optional.empty() : Optional.of(new DueQuestion(question, doubtful));
  }

  /**
   * The known value the question offers to confirm or correct: one inferred by a program (not
   * stated by a person) with less confidence than the question wants; null otherwise.
   */
  static String doubtfulValue(Question question, ProfileValue known) {
    AskRules when = question.when();
    boolean doubtful =
        known != null
            && when.ask() == AskMode.LOW_CONFIDENCE
            && !known.effective().source().declared()
            && known.effective().confidence() < when.belowConfidence();
    return doubtful ? known.value() : null;
  }
}
