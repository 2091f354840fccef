package io.rapport.profiling;

import io.rapport.profile.Attribute;
import java.util.List;
import java.util.Map;

/**
 * The selection benchmark's way to Rapport's package-private plan code: declared in Rapport's own
 * package (as its unit tests are), so that nothing in the application had to be made public for the
 * benchmark. It lives in bench/selection only and is never part of the application's jar.
 */
public final class SelectionBenchAccess {

  private SelectionBenchAccess() {}

  /** The plan as the plan store keeps it: checked against the catalog, values normalised. */
  public static Plan validate(Plan plan, Map<String, Attribute> attributes) {
    return new PlanValidator(attributes).validate(plan);
  }

  /** The stored JSON document of each question, in plan order, as {@code PlanStore} writes it. */
  public static List<String> questionDocuments(Plan plan) {
    return plan.questions().stream().map(PlanDocuments::write).toList();
  }

  public static String policyDocument(Plan plan) {
    return PlanDocuments.write(plan.policy());
  }

  /** What {@code PlanStore.current()} does with the rows it reads: one document per question. */
  public static Plan readPlan(String policyDocument, List<String> questionDocuments) {
    Policy policy = PlanDocuments.policy(policyDocument);
    List<Question> questions = questionDocuments.stream().map(PlanDocuments::question).toList();
    return new Plan(policy, questions);
  }
}
