package io.rapport.admin;

import io.rapport.profiling.AskMode;
import io.rapport.profiling.AskRules;
import io.rapport.profiling.Moments;
import io.rapport.profiling.PromptFigures;
import io.rapport.profiling.Question;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One line of the plan page: a question, when it is asked in words, and its figures. Public because
 * the page's expressions call its methods.
 *
 * @param position from 0, in plan order
 * @param last whether it is the last question of the plan
 */
public record QuestionRow(
    int position, boolean last, Question question, PromptFigures.Counts figures) {

  /** The English wording, as the console is in English. */
  public String text() {
    return question.text(Locale.ENGLISH);
  }

  /** The rules of when the question is asked, in a few words: {@code login from 2, purchase}. */
  public String asked() {
    AskRules when = question.when();
    List<String> parts = new ArrayList<>();
    parts.add(
        String.join(", ", when.moments().stream().map(moment -> moment(moment, when)).toList()));
    if (when.afterDays() != null) {
      parts.add(when.afterDays() + " days after sign-up");
    }
    if (!when.applications().isEmpty()) {
      parts.add("only for " + String.join(", ", when.applications()));
    }
    if (when.condition() != null) {
      parts.add(condition(when));
    }
    if (when.ask() == AskMode.LOW_CONFIDENCE) {
      parts.add("also when inferred below " + when.belowConfidence());
    }
    return String.join(" · ", parts);
  }

  /** What else sets the question apart: its priority, and whether it is a gate or required. */
  public String flags() {
    List<String> flags = new ArrayList<>();
    if (question.priority() != 0) {
      flags.add("priority " + question.priority());
    }
    if (question.gate()) {
      flags.add("gate");
    } else if (question.rules().required()) {
      flags.add("required");
    }
    return String.join(", ", flags);
  }

  /** Answered of shown as a percentage with one decimal, or a dash when it was never shown. */
  public String answerRate() {
    return Percentages.of(figures);
  }

  private static String moment(String moment, AskRules when) {
    if (!moment.equals(Moments.LOGIN)) {
      return moment;
    }
    if (when.fromLogin() != null) {
      return "login from " + when.fromLogin();
    }
    return when.atLogin() == null ? "login" : "login " + when.atLogin() + " only";
  }

  private static String condition(AskRules when) {
    String attribute = when.condition().attribute();
    List<String> values = when.condition().values();
    if (values.isEmpty()) {
      return "when " + attribute + " is known";
    }
    if (values.size() == 1) {
      return "when " + attribute + " = " + values.get(0);
    }
    return "when " + attribute + " in (" + String.join(", ", values) + ")";
  }
}
