package io.rapport.profiling;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records prompts and their events. A prompt still open when the next one is made for the same user
 * is marked abandoned then, with an {@code abandoned} event for each of its questions.
 */
@Component
final class PromptJournal {

  private final Prompts prompts;
  private final PromptEvents events;
  private final Clock clock;
  private final TransactionTemplate transactions;

  PromptJournal(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactionManager) {
    this.prompts = new Prompts(jdbc);
    this.events = new PromptEvents(jdbc);
    this.clock = clock;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /**
   * Records a new open prompt and a {@code shown} event per question, after abandoning the user's
   * earlier open prompts.
   */
  Prompt open(String userId, String moment, String clientId, int login, List<String> questionIds) {
    Instant now = now();
    Prompt prompt =
        new Prompt(
            UUID.randomUUID().toString(),
            userId,
            moment,
            clientId,
            login,
            questionIds,
            PromptState.OPEN,
            now);
    transactions.executeWithoutResult(
        status -> {
          prompts.open(userId).forEach(earlier -> abandon(earlier, now));
          prompts.insert(prompt);
          questionIds.forEach(id -> events.record(prompt, id, EventType.SHOWN, now));
        });
    return prompt;
  }

  Optional<Prompt> find(String promptId) {
    return prompts.find(promptId);
  }

  /** The user's open prompt made at this login for this moment, if there is one. */
  Optional<Prompt> openAt(String userId, String moment, int login) {
    return prompts.open(userId).stream()
        .filter(prompt -> prompt.moment().equals(moment) && prompt.loginNumber() == login)
        .findFirst();
  }

  /**
   * Closes an open prompt and records what became of each question, in the caller's transaction
   * when there is one.
   *
   * @param outcomes {@code answered} or {@code skipped}, by question id
   * @throws PromptClosedException when the prompt was closed already: a replay
   */
  void close(Prompt prompt, PromptState state, Map<String, EventType> outcomes) {
    Instant now = now();
    transactions.executeWithoutResult(
        status -> {
          if (!prompts.close(prompt.id(), state, now)) {
            throw new PromptClosedException(prompt.id());
          }
          outcomes.forEach((questionId, type) -> events.record(prompt, questionId, type, now));
        });
  }

  /** What the selection needs to know of the user's past prompts; see {@link PromptHistory}. */
  PromptHistory history(String userId, Instant since, int login) {
    List<PromptHistory.PastPrompt> past =
        prompts.recent(userId, since, login).stream()
            .map(p -> new PromptHistory.PastPrompt(p.moment(), p.loginNumber(), p.createdAt()))
            .toList();
    return new PromptHistory(events.historyOf(userId), past);
  }

  List<PromptEvents.EventCount> counts() {
    return events.counts();
  }

  private void abandon(Prompt prompt, Instant now) {
    if (prompts.close(prompt.id(), PromptState.ABANDONED, now)) {
      prompt.questionIds().forEach(id -> events.record(prompt, id, EventType.ABANDONED, now));
    }
  }

  /** Microseconds: the precision both databases keep. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
