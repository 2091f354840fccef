package io.rapport.profiling;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Writes a plan in the import file's format, with the keys in the order {@code docs/profiling.md}
 * lists them and only those that differ from their defaults, so that {@link PlanReader} reads back
 * the same plan.
 */
final class PlanWriter {

  private final UnaryOperator<String> escape;

  /**
   * @param escape what a text becomes in the output, such as variable references escaped for the
   *     import file
   */
  PlanWriter(UnaryOperator<String> escape) {
    this.escape = escape;
  }

  String write(Object document) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    options.setIndicatorIndent(2);
    options.setIndentWithIndicator(true);
    options.setAllowUnicode(true);
    // A long text split over lines reads back the same, but is harder to edit.
    options.setSplitLines(false);
    return new Yaml(options).dump(document);
  }

  Map<String, Object> plan(Plan plan) {
    Map<String, Object> section = new LinkedHashMap<>();
    section.put(PlanReader.POLICY, policy(plan.policy()));
    section.put(PlanReader.QUESTIONS, plan.questions().stream().map(this::question).toList());
    return section;
  }

  Map<String, Object> policy(Policy policy) {
    Map<String, Object> entries = new LinkedHashMap<>();
    entries.put("max-questions", policy.maxQuestions());
    if (policy.frictionBudget() != null) {
      entries.put(
          "friction-budget",
          map(
              "prompts",
              policy.frictionBudget().prompts(),
              "days",
              policy.frictionBudget().days()));
    }
    Map<String, Object> snooze = new LinkedHashMap<>();
    putIfSet(snooze, "logins", policy.snooze().logins());
    putIfSet(snooze, "days", policy.snooze().days());
    snooze.put("stop-after-skips", policy.snooze().stopAfterSkips());
    entries.put("snooze", snooze);
    return entries;
  }

  Map<String, Object> question(Question question) {
    Map<String, Object> entries = new LinkedHashMap<>();
    entries.put("id", text(question.id()));
    entries.put("attribute", text(question.attribute()));
    entries.put("input", question.input().key());
    entries.put("text", wording(question.text()));
    if (!question.help().isEmpty()) {
      entries.put("help", wording(question.help()));
    }
    if (!question.options().isEmpty()) {
      entries.put("options", question.options().stream().map(this::option).toList());
    }
    rules(question.rules(), entries);
    when(question.when(), entries);
    putIf(entries, "priority", question.priority(), question.priority() != 0);
    putIf(entries, "gate", true, question.gate());
    putIf(entries, "enabled", false, !question.enabled());
    return entries;
  }

  private Map<String, Object> option(ChoiceOption option) {
    return map("value", text(option.value()), "label", wording(option.label()));
  }

  private void rules(AnswerRules rules, Map<String, Object> entries) {
    putIf(entries, "required", true, rules.required());
    putIfSet(entries, "min-length", rules.minLength());
    putIfSet(entries, "max-length", rules.maxLength());
    putIfSet(entries, "min", number(rules.min()));
    putIfSet(entries, "max", number(rules.max()));
    putIfSet(entries, "pattern", rules.pattern() == null ? null : text(rules.pattern()));
  }

  private void when(AskRules when, Map<String, Object> entries) {
    boolean everyLogin = when.moments().equals(List.of(Moments.LOGIN));
    putIf(entries, "moments", texts(when.moments()), !everyLogin);
    putIfSet(entries, "from-login", when.fromLogin());
    putIfSet(entries, "at-login", when.atLogin());
    putIfSet(entries, "after-days", when.afterDays());
    putIf(entries, "applications", texts(when.applications()), !when.applications().isEmpty());
    if (when.condition() != null) {
      entries.put("when", condition(when.condition()));
    }
    putIf(entries, "ask", when.ask().key(), when.ask() != AskMode.UNKNOWN);
    putIfSet(entries, "below-confidence", when.belowConfidence());
  }

  /** {@code equals} for one value, as people write it; {@code in} for several. */
  private Map<String, Object> condition(Condition condition) {
    Map<String, Object> entries = new LinkedHashMap<>();
    entries.put("attribute", text(condition.attribute()));
    if (condition.values().size() == 1) {
      entries.put("equals", text(condition.values().get(0)));
    } else if (!condition.values().isEmpty()) {
      entries.put("in", texts(condition.values()));
    }
    return entries;
  }

  /** English first, as people read the file; then the other languages in order. */
  private Map<String, Object> wording(Map<String, String> texts) {
    Map<String, Object> entries = new LinkedHashMap<>();
    if (texts.containsKey(Wording.ENGLISH)) {
      entries.put(Wording.ENGLISH, text(texts.get(Wording.ENGLISH)));
    }
    texts.forEach((language, text) -> entries.putIfAbsent(language, text(text)));
    return entries;
  }

  private List<Object> texts(List<String> values) {
    return new ArrayList<>(values.stream().map(this::text).toList());
  }

  private Object text(String value) {
    return value == null ? null : escape.apply(value);
  }

  /**
   * A whole number is written as one, which YAML reads as a number; other numbers keep their
   * exponent ({@code 1E+6}), so that each reads back equal, scale and all.
   */
  private static Object number(BigDecimal value) {
    if (value == null) {
      return null;
    }
    return value.scale() == 0 ? value.toBigIntegerExact() : value;
  }

  private static Map<String, Object> map(String key, Object value, String otherKey, Object other) {
    Map<String, Object> entries = new LinkedHashMap<>();
    entries.put(key, value);
    entries.put(otherKey, other);
    return entries;
  }

  private static void putIfSet(Map<String, Object> entries, String key, Object value) {
    putIf(entries, key, value, value != null);
  }

  private static void putIf(Map<String, Object> entries, String key, Object value, boolean put) {
    if (put) {
      entries.put(key, value);
    }
  }
}
