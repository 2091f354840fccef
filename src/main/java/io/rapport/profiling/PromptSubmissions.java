package io.rapport.profiling;

import io.rapport.profile.Attribute;
import io.rapport.profile.AttributeCatalog;
import io.rapport.profile.NewObservation;
import io.rapport.profile.ProfileService;
import io.rapport.profile.Source;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes a prompt's answers or its skip. The answers become observations from the user, and the
 * prompt is closed, in one transaction: a form with anything wrong stores nothing, and a prompt
 * takes one submission only.
 */
@Component
final class PromptSubmissions {

  private static final Logger log = LoggerFactory.getLogger(PromptSubmissions.class);

  private final PlanStore plans;
  private final AttributeCatalog catalog;
  private final ProfileService profiles;
  private final PromptJournal journal;
  private final TransactionTemplate transactions;

  PromptSubmissions(
      PlanStore plans,
      AttributeCatalog catalog,
      ProfileService profiles,
      PromptJournal journal,
      PlatformTransactionManager transactionManager) {
    this.plans = plans;
    this.catalog = catalog;
    this.profiles = profiles;
    this.journal = journal;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /** The questions of the prompt still in the plan, in the order shown. */
  List<Question> questionsOf(Prompt prompt, Plan plan) {
    return prompt.questionIds().stream().map(plan::question).flatMap(Optional::stream).toList();
  }

  SubmissionOutcome submit(Prompt prompt, Map<String, List<String>> parameters) {
    if (prompt.state() != PromptState.OPEN) {
      return new SubmissionOutcome.Closed();
    }
    Plan plan = plans.current();
    CheckedAnswers answers =
        AnswerForm.check(questionsOf(prompt, plan), plan, attributes(), parameters);
    if (!answers.acceptable()) {
      log.debug(
          "Prompt answers refused: {} answers, {} form errors",
          answers.errors().size(),
          answers.formErrors().size());
      return new SubmissionOutcome.Rejected(answers);
    }
    return close(prompt, PromptState.ANSWERED, answers);
  }

  /** Skips every question of the prompt in one click; refused when one of them is a gate. */
  SubmissionOutcome skip(Prompt prompt) {
    if (prompt.state() != PromptState.OPEN) {
      return new SubmissionOutcome.Closed();
    }
    List<Question> asked = questionsOf(prompt, plans.current());
    CheckedAnswers skipped =
        new CheckedAnswers(
            asked,
            Map.of(),
            Map.of(),
            asked.stream().map(Question::id).collect(Collectors.toSet()),
            Map.of(),
            asked.stream().anyMatch(Question::gate)
                ? List.of(MessageRef.of("prompt.error.gate"))
                : List.of());
    if (!skipped.acceptable()) {
      return new SubmissionOutcome.Rejected(skipped);
    }
    return close(prompt, PromptState.SKIPPED, skipped);
  }

  /**
   * Closes the prompt and stores its answers as observations from the user, in one transaction (the
   * caller's, when there is one).
   *
   * @throws PromptClosedException when the prompt was closed already
   */
  void store(Prompt prompt, PromptState state, CheckedAnswers answers) {
    transactions.executeWithoutResult(
        status -> {
          journal.close(prompt, state, answers.outcomes());
          profiles.observe(observations(prompt.userId(), answers));
        });
  }

  Map<String, Attribute> attributes() {
    return catalog.all().stream().collect(Collectors.toMap(Attribute::key, Function.identity()));
  }

  private SubmissionOutcome close(Prompt prompt, PromptState state, CheckedAnswers answers) {
    try {
      store(prompt, state, answers);
    } catch (PromptClosedException replay) {
      return new SubmissionOutcome.Closed();
    }
    return new SubmissionOutcome.Accepted();
  }

  private static List<NewObservation> observations(String userId, CheckedAnswers answers) {
    return answers.asked().stream()
        .filter(question -> answers.values().containsKey(question.id()))
        .map(
            question ->
                new NewObservation(
                    userId,
                    question.attribute(),
                    answers.values().get(question.id()),
                    Source.USER,
                    1.0))
        .toList();
  }
}
