package io.rapport.admin;

import io.rapport.profiling.Policy;
import java.util.ArrayList;
import java.util.List;

/** The prompt policy in sentences, for the plan page. */
final class PolicySummary {

  private PolicySummary() {}

  static List<String> of(Policy policy) {
    List<String> lines = new ArrayList<>();
    lines.add(
        policy.maxQuestions() == 1
            ? "At most 1 question on one prompt, gates aside."
            : "At most " + policy.maxQuestions() + " questions on one prompt, gates aside.");
    Policy.FrictionBudget budget = policy.frictionBudget();
    lines.add(
        budget == null
            ? "No friction budget: no limit on prompts over time, beyond one per login and moment."
            : "Friction budget: at most %d prompts in any %d days."
                .formatted(budget.prompts(), budget.days()));
    lines.add(snooze(policy.snooze()));
    return lines;
  }

  private static String snooze(Policy.Snooze snooze) {
    List<String> after = new ArrayList<>();
    if (snooze.logins() != null) {
      after.add(snooze.logins() + " more logins");
    }
    if (snooze.days() != null) {
      after.add(snooze.days() + " days");
    }
    String back =
        after.isEmpty()
            ? "A skipped question comes back at the next prompt"
            : "A skipped question comes back after " + String.join(" or ", after);
    return back + "; after " + snooze.stopAfterSkips() + " skips it is not asked again.";
  }
}
