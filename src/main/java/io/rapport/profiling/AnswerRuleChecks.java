package io.rapport.profiling;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Checks that a question's answer rules make sense for its input kind. */
final class AnswerRuleChecks {

  /** The longest text an attribute value may have. */
  static final int MAX_TEXT_LENGTH = 1000;

  private static final int MAX_PATTERN_LENGTH = 500;

  private final ProblemCollector.Scope problems;

  AnswerRuleChecks(ProblemCollector.Scope problems) {
    this.problems = problems;
  }

  void check(AnswerRules rules, InputKind input) {
    if (input == null) {
      return;
    }
    checkLengths(rules, input);
    checkRange(rules, input);
    checkPattern(rules, input);
  }

  private void checkLengths(AnswerRules rules, InputKind input) {
    if (!input.typed()) {
      onlyTyped(rules.minLength(), "min-length", input);
      onlyTyped(rules.maxLength(), "max-length", input);
      return;
    }
    inRange(rules.minLength(), "min-length", 0);
    inRange(rules.maxLength(), "max-length", 1);
    if (rules.minLength() != null
        && rules.maxLength() != null
        && rules.minLength() > rules.maxLength()) {
      problems.report("min-length", "is greater than max-length");
    }
  }

  private void inRange(Integer length, String field, int least) {
    if (length != null && (length < least || length > MAX_TEXT_LENGTH)) {
      problems.report(field, "must be from " + least + " to " + MAX_TEXT_LENGTH);
    }
  }

  private void onlyTyped(Object rule, String field, InputKind input) {
    if (rule != null) {
      problems.report(
          field, "applies to text, email, url and phone questions only, not to " + input.key());
    }
  }

  private void checkRange(AnswerRules rules, InputKind input) {
    if (input != InputKind.NUMBER) {
      if (rules.min() != null) {
        problems.report("min", "applies to number questions only, not to " + input.key());
      }
      if (rules.max() != null) {
        problems.report("max", "applies to number questions only, not to " + input.key());
      }
      return;
    }
    if (rules.min() != null && rules.max() != null && rules.min().compareTo(rules.max()) > 0) {
      problems.report("min", "is greater than max");
    }
  }

  private void checkPattern(AnswerRules rules, InputKind input) {
    if (rules.pattern() == null) {
      return;
    }
    if (!input.typed()) {
      onlyTyped(rules.pattern(), "pattern", input);
      return;
    }
    if (rules.pattern().length() > MAX_PATTERN_LENGTH) {
      problems.report("pattern", "may have at most " + MAX_PATTERN_LENGTH + " characters");
      return;
    }
    try {
      Pattern.compile(rules.pattern());
    } catch (PatternSyntaxException e) {
      problems.report(
          "pattern", "is not a regular expression: " + e.getDescription() + " at " + e.getIndex());
    }
  }
}
