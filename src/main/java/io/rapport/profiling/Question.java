package io.rapport.profiling;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How to ask a user for one attribute, and when.
 *
 * @param id a stable name, unique in the plan, used in prompts, events and forms
 * @param attribute the key of the catalog attribute the answer is stored in
 * @param input how the question asks
 * @param text the wording by language tag; English is required
 * @param help an optional help text by language tag
 * @param options the answers a choice question offers, in the order shown
 * @param rules what an answer must be
 * @param when when the question may be asked
 * @param priority higher is asked first among the questions due
 * @param gate whether it must be answered before the login completes; it cannot be skipped
 * @param enabled whether it is asked at all
 */
public record Question(
    String id,
    String attribute,
    InputKind input,
    Map<String, String> text,
    Map<String, String> help,
    List<ChoiceOption> options,
    AnswerRules rules,
    AskRules when,
    int priority,
    boolean gate,
    boolean enabled) {

  public Question {
    text = Wording.copy(text);
    help = Wording.copy(help);
    options = options == null ? List.of() : List.copyOf(options);
    rules = rules == null ? AnswerRules.NONE : rules;
    when = when == null ? AskRules.AT_EVERY_LOGIN : when;
  }

  public String text(Locale locale) {
    String wording = Wording.pick(text, locale);
    return wording == null ? attribute : wording;
  }

  /** Null when the question has no help text. */
  public String help(Locale locale) {
    return Wording.pick(help, locale);
  }

  /** The same question, enabled or disabled. */
  public Question withEnabled(boolean asked) {
    return new Question(
        id, attribute, input, text, help, options, rules, when, priority, gate, asked);
  }

  /** Gates must be answered, whatever {@link AnswerRules#required()} says. */
  public boolean required() {
    return gate || rules.required();
  }
}
