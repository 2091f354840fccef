package io.rapport.profiling;

/**
 * How often and how much Rapport may ask, whatever the questions say. At most one prompt is made
 * per login for each moment; that rule is not configurable.
 *
 * @param maxQuestions the most questions in one prompt, gates aside (which are always asked)
 * @param frictionBudget the most prompts in a rolling window; null for no limit
 * @param snooze when a skipped question comes back
 */
public record Policy(int maxQuestions, FrictionBudget frictionBudget, Snooze snooze) {

  public static final int DEFAULT_MAX_QUESTIONS = 2;

  public static final Policy DEFAULT = new Policy(DEFAULT_MAX_QUESTIONS, null, Snooze.DEFAULT);

  public Policy {
    snooze = snooze == null ? Snooze.DEFAULT : snooze;
  }

  /**
   * At most {@code prompts} prompts in any {@code days} days, counting every prompt shown except
   * the sign-up form's questions.
   */
  public record FrictionBudget(int prompts, int days) {}

  /**
   * A skipped question comes back after {@code logins} more logins or {@code days} days, whichever
   * comes first (a null rule never brings it back; with both null it comes back at once), and is
   * not asked again once it has been skipped {@code stopAfterSkips} times.
   */
  public record Snooze(Integer logins, Integer days, int stopAfterSkips) {

    public static final Snooze DEFAULT = new Snooze(2, null, 3);
  }
}
