package io.rapport.profiling;

import io.rapport.profile.Attribute;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks when a question may be asked, and returns the rules with condition values stored. */
final class AskRuleChecks {

  /** The form of client ids the application registry accepts. */
  private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  private static final int MAX_DAYS = 36_500;

  private final QuestionChecks question;
  private final ProblemCollector.Scope problems;

  AskRuleChecks(QuestionChecks question, ProblemCollector.Scope problems) {
    this.question = question;
    this.problems = problems;
  }

  AskRules check(AskRules when) {
    checkMoments(when.moments());
    checkLogins(when);
    if (when.afterDays() != null && (when.afterDays() < 0 || when.afterDays() > MAX_DAYS)) {
      problems.report("after-days", "must be from 0 to " + MAX_DAYS);
    }
    for (int i = 0; i < when.applications().size(); i++) {
      checkClientId(when.applications().get(i), "applications[" + i + "]");
    }
    checkConfidence(when);
    return new AskRules(
        when.moments(),
        when.fromLogin(),
        when.atLogin(),
        when.afterDays(),
        when.applications(),
        condition(when.condition()),
        when.ask(),
        when.belowConfidence());
  }

  private void checkMoments(List<String> moments) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < moments.size(); i++) {
      String moment = moments.get(i);
      if (!Moments.isValidName(moment)) {
        problems.report(
            "moments[" + i + "]",
            "'"
                + moment
                + "' is not a moment: signup, login, or a name of a-z, 0-9, '_' or '-'"
                + " starting with a letter, such as purchase");
      } else if (!seen.add(moment)) {
        problems.report("moments[" + i + "]", "'" + moment + "' is listed twice");
      }
    }
  }

  private void checkLogins(AskRules when) {
    if (when.fromLogin() != null && when.atLogin() != null) {
      problems.report("at-login", "give either from-login or at-login, not both");
    }
    checkLogin(when.fromLogin(), "from-login", when.moments());
    checkLogin(when.atLogin(), "at-login", when.moments());
  }

  private void checkLogin(Integer login, String field, List<String> moments) {
    if (login == null) {
      return;
    }
    if (login < 1) {
      problems.report(field, "must be 1 or more: login 1 is the first sign-in after sign-up");
    } else if (!moments.contains(Moments.LOGIN)) {
      problems.report(field, "counts logins, so moments must include login");
    }
  }

  private void checkClientId(String clientId, String field) {
    if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
      problems.report(field, "'" + clientId + "' is not a client id");
    }
  }

  private void checkConfidence(AskRules when) {
    if (when.ask() != AskMode.LOW_CONFIDENCE) {
      if (when.belowConfidence() != null) {
        problems.report("below-confidence", "applies only with ask: low-confidence");
      }
      return;
    }
    double threshold = when.belowConfidence();
    if (!(threshold > 0.0 && threshold <= 1.0)) {
      problems.report("below-confidence", "must be greater than 0 and at most 1");
    }
  }

  private Condition condition(Condition condition) {
    if (condition == null) {
      return null;
    }
    Attribute attribute = question.attribute(condition.attribute(), "when.attribute");
    List<String> values = new ArrayList<>();
    for (int i = 0; i < condition.values().size(); i++) {
      String raw = condition.values().get(i);
      String stored = question.value(attribute, raw, "when.in[" + i + "]");
      values.add(stored == null ? raw : stored);
    }
    return new Condition(condition.attribute(), values);
  }
}
