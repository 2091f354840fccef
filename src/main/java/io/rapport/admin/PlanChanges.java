package io.rapport.admin;

import io.rapport.platform.AuditEventType;
import io.rapport.platform.AuditLog;
import io.rapport.profiling.Plan;
import io.rapport.profiling.PlanStore;
import io.rapport.profiling.Question;
import io.rapport.profiling.UnknownQuestionException;
import java.util.function.UnaryOperator;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The console's changes of the profiling plan: through {@link PlanStore#change}, checked whole as
 * the import file's plan is, and recorded in the audit trail once stored.
 */
@Component
final class PlanChanges {

  private final PlanStore plans;
  private final AuditLog audit;

  PlanChanges(PlanStore plans, AuditLog audit) {
    this.plans = plans;
    this.audit = audit;
  }

  Plan current() {
    return plans.current();
  }

  /**
   * @param what the change in a few words, for the audit trail: {@code question 'x' disabled}
   * @throws io.rapport.profiling.InvalidPlanException when the changed plan is invalid; nothing is
   *     stored then
   * @throws ResponseStatusException 404 when the change names a question the plan does not have
   */
  Plan apply(UnaryOperator<Plan> change, Authentication admin, String what) {
    Plan stored;
    try {
      stored = plans.change(change);
    } catch (UnknownQuestionException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage(), e);
    }
    audit.record(
        AuditEventType.ADMIN_CHANGE, admin.getName(), null, null, "profiling plan: " + what);
    return stored;
  }

  /** The question of the plan in use; 404 when there is no such question. */
  Question question(String questionId) {
    Plan plan = plans.current();
    return plan.questions().get(positionOf(plan, questionId));
  }

  /** The position of the question in the plan in use; 404 when there is no such question. */
  int positionOf(String questionId) {
    return positionOf(plans.current(), questionId);
  }

  private static int positionOf(Plan plan, String questionId) {
    try {
      return plan.indexOf(questionId);
    } catch (UnknownQuestionException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage(), e);
    }
  }
}
