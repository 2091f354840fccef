package io.rapport.profiling;

import java.math.BigDecimal;
import java.util.List;

/**
 * A prompt as the signed-in user's API returns it, in the user's language: everything a page needs
 * to show it and nothing it does not (no attribute keys, no other user's data).
 *
 * @param state {@code open}, {@code answered}, {@code skipped} or {@code abandoned}
 * @param language the language tag the texts are in
 * @param gate whether the prompt holds a gate: then it cannot be skipped
 * @param texts the words of the prompt's frame, in the user's language
 */
record PromptResource(
    String id,
    String moment,
    String state,
    String language,
    boolean gate,
    Texts texts,
    List<QuestionResource> questions) {

  PromptResource {
    questions = List.copyOf(questions);
  }

  /**
   * The prompt's frame: its title, the line under it, the buttons' labels and the empty choice of a
   * country list.
   */
  record Texts(String title, String intro, String answer, String skip, String choose) {}

  /**
   * One question.
   *
   * @param input the input kind's import-file name, such as {@code single-choice}
   * @param options the answers of a choice, yes-no or country question, in the order to show
   * @param values the value the field starts with: the inferred value to confirm, or nothing
   * @param offered the sentence offering the inferred value; null when there is none
   */
  record QuestionResource(
      String id,
      String input,
      String text,
      String help,
      boolean required,
      List<QuestionView.Option> options,
      List<String> values,
      String offered,
      Integer minLength,
      Integer maxLength,
      BigDecimal min,
      BigDecimal max) {

    QuestionResource {
      options = List.copyOf(options);
      values = List.copyOf(values);
    }
  }
}
