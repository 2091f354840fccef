package io.rapport.profiling;

import io.rapport.platform.testing.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One user going through a plan in memory: logins, prompts, answers and skips, kept as the event
 * store would keep them, so that selection tests can walk a plan without a database.
 */
final class SimulatedUser {

  private final Plan plan;
  private final MutableClock clock;
  private final QuestionSelector selector;
  private final Instant signedUpAt;
  private final Profiles profile = Profiles.of();
  private final Map<String, PromptHistory.QuestionHistory> questions = new HashMap<>();
  private final List<PromptHistory.PastPrompt> prompts = new ArrayList<>();
  private List<DueQuestion> lastDue = List.of();
  private int logins;
  private String clientId = AcmeVideoPlan.CLIENT_ID;

  SimulatedUser(Plan plan, MutableClock clock) {
    this.plan = plan;
    this.clock = clock;
    this.selector = new QuestionSelector(clock);
    this.signedUpAt = clock.instant();
  }

  SimulatedUser through(String application) {
    this.clientId = application;
    return this;
  }

  /** Signs in once more and returns the ids of the questions due at the login moment. */
  List<String> login() {
    logins++;
    return due(Moments.LOGIN);
  }

  /** The ids of the questions due at the moment now, without recording a prompt. */
  List<String> peek(String moment) {
    lastDue = selector.select(plan, situation(moment));
    return lastDue.stream().map(due -> due.question().id()).toList();
  }

  /** The questions of the last selection, with the values they offer. */
  List<DueQuestion> lastDue() {
    return lastDue;
  }

  /** The questions due at the moment; when there are some, a prompt is recorded as shown. */
  List<String> due(String moment) {
    List<String> due = peek(moment);
    if (!due.isEmpty()) {
      prompts.add(new PromptHistory.PastPrompt(moment, logins, clock.instant()));
      due.forEach(id -> update(id, 1, 0, false));
    }
    return due;
  }

  /** Answers every question with the attribute's value. */
  void answer(List<String> questionIds, Map<String, String> values) {
    for (String id : questionIds) {
      Question question = plan.question(id).orElseThrow();
      profile.said(question.attribute(), values.get(question.attribute()));
      update(id, 0, 1, false);
    }
  }

  void skip(List<String> questionIds) {
    questionIds.forEach(id -> update(id, 0, 0, true));
  }

  Profiles profile() {
    return profile;
  }

  int logins() {
    return logins;
  }

  Situation situation(String moment) {
    return new Situation(
        profile.build(),
        logins,
        signedUpAt,
        moment,
        clientId,
        new PromptHistory(questions, prompts));
  }

  private void update(String id, int shown, int answered, boolean skipped) {
    PromptHistory.QuestionHistory old =
        questions.getOrDefault(id, new PromptHistory.QuestionHistory(0, 0, 0, null, 0));
    questions.put(
        id,
        new PromptHistory.QuestionHistory(
            old.shown() + shown,
            old.answered() + answered,
            old.skips() + (skipped ? 1 : 0),
            skipped ? clock.instant() : old.lastSkipAt(),
            skipped ? logins : old.lastSkipLogin()));
  }
}
