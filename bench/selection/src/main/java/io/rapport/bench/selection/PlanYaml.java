package io.rapport.bench.selection;

import io.rapport.profile.Attribute;
import io.rapport.profiling.AnswerRules;
import io.rapport.profiling.AskMode;
import io.rapport.profiling.AskRules;
import io.rapport.profiling.ChoiceOption;
import io.rapport.profiling.Plan;
import io.rapport.profiling.Policy;
import io.rapport.profiling.Question;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes the benchmark plan as an import file (docs/import.md): the company's attributes and the
 * {@code profiling} section, which the login benchmark starts Rapport with.
 */
final class PlanYaml {

  private final StringBuilder yaml = new StringBuilder();

  private PlanYaml() {}

  static String write(List<BenchCatalog.Entry> catalog, Plan plan) {
    PlanYaml writer = new PlanYaml();
    writer.line(
        0,
        "# The login benchmark's plan, written by bench/selection (PlanYaml): "
            + BenchPlan.describe(plan)
            + ".");
    writer.attributes(catalog);
    writer.policy(plan.policy());
    writer.line(2, "questions:");
    plan.questions().forEach(writer::question);
    return writer.yaml.toString();
  }

  private void attributes(List<BenchCatalog.Entry> catalog) {
    line(0, "attributes:");
    for (BenchCatalog.Entry entry : catalog) {
      Attribute attribute = entry.attribute();
      if (attribute.builtin()) {
        continue;
      }
      line(2, "- key: " + attribute.key());
      line(4, "type: " + attribute.type().name().toLowerCase(Locale.ROOT));
      line(4, "sensitivity: " + attribute.sensitivity().name().toLowerCase(Locale.ROOT));
      line(4, "labels: " + texts(attribute.labels()));
    }
  }

  private void policy(Policy policy) {
    line(0, "profiling:");
    line(2, "policy:");
    line(4, "max-questions: " + policy.maxQuestions());
    if (policy.frictionBudget() != null) {
      line(
          4,
          "friction-budget: { prompts: "
              + policy.frictionBudget().prompts()
              + ", days: "
              + policy.frictionBudget().days()
              + " }");
    }
    Policy.Snooze snooze = policy.snooze();
    line(4, "snooze:");
    if (snooze.logins() != null) {
      line(6, "logins: " + snooze.logins());
    }
    if (snooze.days() != null) {
      line(6, "days: " + snooze.days());
    }
    line(6, "stop-after-skips: " + snooze.stopAfterSkips());
  }

  private void question(Question question) {
    line(4, "- id: " + question.id());
    line(6, "attribute: " + question.attribute());
    line(6, "input: " + question.input().key());
    line(6, "text: " + texts(question.text()));
    if (!question.help().isEmpty()) {
      line(6, "help: " + texts(question.help()));
    }
    if (!question.options().isEmpty()) {
      line(6, "options:");
      for (ChoiceOption option : question.options()) {
        line(8, "- { value: " + quote(option.value()) + ", label: " + texts(option.label()) + " }");
      }
    }
    rules(question.rules());
    when(question.when());
    if (question.priority() != 0) {
      line(6, "priority: " + question.priority());
    }
    if (question.gate()) {
      line(6, "gate: true");
    }
    if (!question.enabled()) {
      line(6, "enabled: false");
    }
  }

  private void rules(AnswerRules rules) {
    if (rules.required()) {
      line(6, "required: true");
    }
    optional("min-length", rules.minLength());
    optional("max-length", rules.maxLength());
    optional("min", rules.min() == null ? null : rules.min().toPlainString());
    optional("max", rules.max() == null ? null : rules.max().toPlainString());
    if (rules.pattern() != null) {
      line(6, "pattern: " + quote(rules.pattern()));
    }
  }

  private void when(AskRules when) {
    line(6, "moments: [" + String.join(", ", when.moments()) + "]");
    optional("from-login", when.fromLogin());
    optional("at-login", when.atLogin());
    optional("after-days", when.afterDays());
    if (!when.applications().isEmpty()) {
      line(6, "applications: [" + String.join(", ", when.applications()) + "]");
    }
    if (when.condition() != null) {
      String values =
          when.condition().values().stream().map(PlanYaml::quote).collect(Collectors.joining(", "));
      line(
          6,
          "when: { attribute: "
              + when.condition().attribute()
              + (values.isEmpty() ? "" : ", in: [" + values + "]")
              + " }");
    }
    if (when.ask() == AskMode.LOW_CONFIDENCE) {
      line(6, "ask: low-confidence");
      line(6, String.format(Locale.ROOT, "below-confidence: %.2f", when.belowConfidence()));
    }
  }

  private void optional(String key, Object value) {
    if (value != null) {
      line(6, key + ": " + value);
    }
  }

  private static String texts(Map<String, String> texts) {
    return texts.entrySet().stream()
        .map(entry -> entry.getKey() + ": " + quote(entry.getValue()))
        .collect(Collectors.joining(", ", "{ ", " }"));
  }

  /** A double-quoted YAML scalar; import values are read as text exactly as written. */
  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private void line(int indent, String text) {
    yaml.append(" ".repeat(indent)).append(text).append('\n');
  }
}
