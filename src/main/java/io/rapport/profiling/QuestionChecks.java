package io.rapport.profiling;

import io.rapport.profile.Attribute;
import io.rapport.profile.ValueType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks one question against the attribute catalog and returns it with its option values in the
 * form they are stored, so that answers and options compare equal.
 */
final class QuestionChecks {

  static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

  static final int MAX_TEXT_LENGTH = 500;
  static final int MAX_HELP_LENGTH = 1000;
  static final int MAX_LABEL_LENGTH = 200;
  static final int MAX_OPTIONS = 100;

  private final Map<String, Attribute> attributes;
  private final ProblemCollector.Scope problems;

  QuestionChecks(Map<String, Attribute> attributes, ProblemCollector.Scope problems) {
    this.attributes = attributes;
    this.problems = problems;
  }

  Question check(Question question) {
    checkId(question.id());
    Attribute attribute = attribute(question.attribute(), "attribute");
    checkInput(question.input(), attribute);
    WordingChecks.check(question.text(), "text", MAX_TEXT_LENGTH, false, problems);
    WordingChecks.check(question.help(), "help", MAX_HELP_LENGTH, true, problems);
    List<ChoiceOption> options = options(question, attribute);
    new AnswerRuleChecks(problems).check(question.rules(), question.input());
    AskRules when = new AskRuleChecks(this, problems).check(question.when());
    return new Question(
        question.id(),
        question.attribute(),
        question.input(),
        question.text(),
        question.help(),
        options,
        question.rules(),
        when,
        question.priority(),
        question.gate(),
        question.enabled());
  }

  /** The attribute with the key, or null after reporting that the catalog has none. */
  Attribute attribute(String key, String field) {
    if (key == null || key.isBlank()) {
      problems.report(field, "names no attribute");
      return null;
    }
    Attribute attribute = attributes.get(key);
    if (attribute == null) {
      problems.report(
          field, "unknown attribute '" + key + "': the attribute catalog defines no such key");
    }
    return attribute;
  }

  /** The stored form of a value of the attribute, or null after reporting that it is not one. */
  String value(Attribute attribute, String raw, String field) {
    if (attribute == null) {
      return raw;
    }
    String stored = attribute.type().normalize(raw == null ? "" : raw).orElse(null);
    if (stored == null) {
      problems.report(
          field,
          "'%s' is not a value of attribute '%s' (%s): expected %s"
              .formatted(
                  raw,
                  attribute.key(),
                  typeName(attribute.type()),
                  attribute.type().expectation()));
    }
    return stored;
  }

  private void checkId(String id) {
    if (id == null || !ID.matcher(id).matches()) {
      problems.report(
          "id",
          "'"
              + id
              + "' is not a question id: 1 to 64 of a-z, 0-9, '_' or '-', not starting"
              + " with '_' or '-'");
    }
  }

  private void checkInput(InputKind input, Attribute attribute) {
    if (input == null) {
      problems.report("input", "is missing");
      return;
    }
    if (attribute != null && !input.fits(attribute.type())) {
      String fitting =
          Arrays.stream(InputKind.values())
              .filter(kind -> kind.fits(attribute.type()))
              .map(InputKind::key)
              .collect(Collectors.joining(", "));
      problems.report(
          "input",
          "%s cannot ask for attribute '%s' of type %s; use %s"
              .formatted(input.key(), attribute.key(), typeName(attribute.type()), fitting));
    }
  }

  private List<ChoiceOption> options(Question question, Attribute attribute) {
    boolean choice = question.input() != null && question.input().hasOptions();
    if (!choice) {
      if (!question.options().isEmpty()) {
        problems.report("options", "only single-choice and multiple-choice questions have options");
      }
      return question.options();
    }
    if (question.options().isEmpty() || question.options().size() > MAX_OPTIONS) {
      problems.report("options", "a choice question needs 1 to " + MAX_OPTIONS + " options");
    }
    List<ChoiceOption> checked = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < question.options().size(); i++) {
      checked.add(option(question, attribute, i, seen));
    }
    return checked;
  }

  private ChoiceOption option(Question question, Attribute attribute, int index, Set<String> seen) {
    ChoiceOption option = question.options().get(index);
    String field = "options[" + index + "]";
    String value = value(attribute, option.value(), field + ".value");
    if (value != null && !seen.add(value)) {
      problems.report(field + ".value", "'" + option.value() + "' is offered twice");
    }
    if (value != null
        && question.input() == InputKind.MULTIPLE_CHOICE
        && value.contains(InputKind.SEPARATOR)) {
      problems.report(
          field + ".value", "the value of a multiple-choice option may not contain a comma");
    }
    WordingChecks.check(option.label(), field + ".label", MAX_LABEL_LENGTH, false, problems);
    return new ChoiceOption(value == null ? option.value() : value, option.label());
  }

  static String typeName(ValueType type) {
    return type.name().toLowerCase(java.util.Locale.ROOT);
  }
}
