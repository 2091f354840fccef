package io.rapport.profiling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Chooses the questions due for a user at a moment: those every rule allows, gates first, then by
 * priority, then in plan order, within the prompt policy. Pure: it reads nothing but its arguments
 * and the clock.
 */
public final class QuestionSelector {

  private static final Comparator<Question> ASKING_ORDER =
      Comparator.comparing((Question question) -> !question.gate())
          .thenComparing(Question::priority, Comparator.reverseOrder());

  private final Clock clock;

  public QuestionSelector(Clock clock) {
    this.clock = clock;
  }

  /** The questions to ask now, in the order to show them; empty when nothing is due. */
  public List<DueQuestion> select(Plan plan, Situation situation) {
    if (Moments.LOGIN.equals(situation.moment()) && situation.logins() == 0) {
      // The authorization that follows sign-up is part of the sign-up, not a login.
      return List.of();
    }
    Instant now = clock.instant();
    Eligibility eligibility = new Eligibility(situation, now, plan);
    List<DueQuestion> due = new ArrayList<>();
    Set<String> attributes = new HashSet<>();
    for (Question question : plan.questions().stream().sorted(ASKING_ORDER).toList()) {
      if (!attributes.contains(question.attribute())) {
        eligibility
            .check(question)
            .ifPresent(
                found -> {
                  due.add(found);
                  attributes.add(question.attribute());
                });
      }
    }
    return limit(due, plan.policy(), situation, now);
  }

  /** Every gate is asked; other questions fill the prompt unless a limit holds them back. */
  private static List<DueQuestion> limit(
      List<DueQuestion> due, Policy policy, Situation situation, Instant now) {
    List<DueQuestion> gates = due.stream().filter(found -> found.question().gate()).toList();
    if (heldBack(policy, situation, now)) {
      return gates;
    }
    int room = Math.max(0, policy.maxQuestions() - gates.size());
    List<DueQuestion> chosen = new ArrayList<>(gates);
    due.stream().filter(found -> !found.question().gate()).limit(room).forEach(chosen::add);
    return List.copyOf(chosen);
  }

  /** One prompt per login for each moment, and the friction budget; sign-up is never held back. */
  private static boolean heldBack(Policy policy, Situation situation, Instant now) {
    if (Moments.SIGNUP.equals(situation.moment())) {
      return false;
    }
    List<PromptHistory.PastPrompt> prompts = situation.history().prompts();
    boolean promptedAtThisLogin =
        prompts.stream()
            .anyMatch(
                prompt ->
                    prompt.moment().equals(situation.moment())
                        && prompt.loginNumber() == situation.logins());
    return promptedAtThisLogin || overBudget(policy.frictionBudget(), prompts, now);
  }

  private static boolean overBudget(
      Policy.FrictionBudget budget, List<PromptHistory.PastPrompt> prompts, Instant now) {
    if (budget == null) {
      return false;
    }
    Instant windowStart = now.minus(Duration.ofDays(budget.days()));
    long recent =
        prompts.stream()
            .filter(prompt -> !Moments.SIGNUP.equals(prompt.moment()))
            .filter(prompt -> prompt.createdAt().isAfter(windowStart))
            .count();
    return recent >= budget.prompts();
  }
}
