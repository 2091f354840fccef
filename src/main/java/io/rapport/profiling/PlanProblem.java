package io.rapport.profiling;

/**
 * One thing wrong with a plan.
 *
 * @param question the position of the question in the plan, from 0; -1 for the policy
 * @param questionId the question's id as given, or null
 * @param field the field at fault, named as in the import file ({@code options[1].value}, {@code
 *     when.attribute}); empty for the whole question
 * @param reason what is wrong, without any user's data
 */
public record PlanProblem(int question, String questionId, String field, String reason) {

  static final int POLICY = -1;

  @Override
  public String toString() {
    String where =
        question == POLICY
            ? "policy"
            : "question '%s' (questions[%d])".formatted(questionId, question);
    return field.isEmpty() ? where + ": " + reason : where + ", " + field + ": " + reason;
  }
}
