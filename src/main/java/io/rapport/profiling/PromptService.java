package io.rapport.profiling;

import io.rapport.identity.UserAccount;
import io.rapport.identity.UserAccounts;
import io.rapport.profile.ProfileService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Makes the prompts of the login moment and of the moments applications raise, and finds a prompt
 * again for its page or its API.
 */
@Component
final class PromptService {

  private final PlanStore plans;
  private final UserAccounts accounts;
  private final ProfileService profiles;
  private final PromptJournal journal;
  private final QuestionSelector selector;
  private final Clock clock;

  PromptService(
      PlanStore plans,
      UserAccounts accounts,
      ProfileService profiles,
      PromptJournal journal,
      Clock clock) {
    this.plans = plans;
    this.accounts = accounts;
    this.profiles = profiles;
    this.journal = journal;
    this.selector = new QuestionSelector(clock);
    this.clock = clock;
  }

  /**
   * The prompt to show at this login: the one made at this login and still open (the user left its
   * page and came back), else a new one when questions are due; empty when nothing is.
   */
  Optional<Prompt> atLogin(String userId, String clientId) {
    return at(userId, Moments.LOGIN, clientId);
  }

  /**
   * The prompt of the moment for the user: the one made at the user's current login for this moment
   * and still open, else a new one when questions are due; empty when nothing is. The {@code login}
   * moment starts at login 1: the sign-up's own authorization asks nothing.
   */
  Optional<Prompt> at(String userId, String moment, String clientId) {
    Plan plan = plans.current();
    Optional<UserAccount> account = accounts.findById(userId);
    if (plan.questions().isEmpty() || account.isEmpty()) {
      return Optional.empty();
    }
    int login = account.get().loginsCount();
    if (Moments.LOGIN.equals(moment) && login == 0) {
      return Optional.empty();
    }
    Optional<Prompt> open = journal.openAt(userId, moment, login);
    if (open.isPresent()) {
      return open;
    }
    Situation situation = situation(plan, account.get(), moment, clientId);
    List<String> due =
        selector.select(plan, situation).stream().map(found -> found.question().id()).toList();
    if (due.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(journal.open(userId, moment, clientId, login, due));
  }

  /** The user's prompt with this id, open or not; empty when there is none for this user. */
  Optional<Prompt> find(String userId, String promptId) {
    if (promptId == null || promptId.isBlank()) {
      return Optional.empty();
    }
    return journal.find(promptId).filter(prompt -> prompt.userId().equals(userId));
  }

  private Situation situation(Plan plan, UserAccount account, String moment, String clientId) {
    Policy.FrictionBudget budget = plan.policy().frictionBudget();
    Instant now = clock.instant();
    Instant since = budget == null ? now : now.minus(Duration.ofDays(budget.days()));
    return new Situation(
        profiles.profileOf(account.id()),
        account.loginsCount(),
        account.createdAt(),
        moment,
        clientId,
        journal.history(account.id(), since, account.loginsCount()));
  }
}
