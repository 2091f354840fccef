package io.rapport.profiling;

import java.time.Instant;
import java.util.List;

/**
 * One screen of questions made for a user at one moment. Its id is what the page sends back, once:
 * a prompt accepts one submission and refuses replays.
 *
 * @param clientId the application the user came from; null when none is known
 * @param loginNumber the user's login count when it was made: 0 at sign-up
 * @param questionIds the questions asked, in the order shown
 */
public record Prompt(
    String id,
    String userId,
    String moment,
    String clientId,
    int loginNumber,
    List<String> questionIds,
    PromptState state,
    Instant createdAt) {

  public Prompt {
    questionIds = List.copyOf(questionIds);
  }
}
