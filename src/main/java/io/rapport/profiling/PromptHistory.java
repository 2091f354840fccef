package io.rapport.profiling;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a user was asked before: per question, and the prompts made.
 *
 * @param questions by question id; a question never shown is absent
 * @param prompts at least the prompts made within the friction budget's window and those made at
 *     the user's current login; more do no harm
 */
public record PromptHistory(Map<String, QuestionHistory> questions, List<PastPrompt> prompts) {

  public static final PromptHistory NONE = new PromptHistory(Map.of(), List.of());

  public PromptHistory {
    questions = Map.copyOf(questions);
    prompts = List.copyOf(prompts);
  }

  QuestionHistory of(String questionId) {
    return questions.getOrDefault(questionId, QuestionHistory.NEVER_SHOWN);
  }

  /**
   * What happened to one question for one user.
   *
   * @param lastSkipAt when it was last skipped; null if never
   * @param lastSkipLogin the login number at which it was last skipped; 0 if never
   */
  public record QuestionHistory(
      int shown, int answered, int skips, Instant lastSkipAt, int lastSkipLogin) {

    static final QuestionHistory NEVER_SHOWN = new QuestionHistory(0, 0, 0, null, 0);
  }

  /**
   * A prompt made for the user.
   *
   * @param loginNumber the user's login count when it was made
   */
  public record PastPrompt(String moment, int loginNumber, Instant createdAt) {}
}
