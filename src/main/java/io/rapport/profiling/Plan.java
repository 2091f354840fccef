package io.rapport.profiling;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The progressive profiling configuration: the questions in their order, and the prompt policy.
 *
 * <p>The {@code with...} methods return a changed copy, for {@link PlanStore#change}; they check
 * nothing but that the question named is there.
 *
 * @param questions in plan order, which breaks ties of priority
 */
public record Plan(Policy policy, List<Question> questions) {

  /** What an installation asks before anyone configures a plan: nothing. */
  public static final Plan EMPTY = new Plan(Policy.DEFAULT, List.of());

  public Plan {
    policy = policy == null ? Policy.DEFAULT : policy;
    questions = questions == null ? List.of() : List.copyOf(questions);
  }

  public Optional<Question> question(String id) {
    return questions.stream().filter(question -> question.id().equals(id)).findFirst();
  }

  public Plan withPolicy(Policy changed) {
    return new Plan(changed, questions);
  }

  /** The question added after the others. */
  public Plan withNewQuestion(Question question) {
    List<Question> changed = new ArrayList<>(questions);
    changed.add(question);
    return new Plan(policy, changed);
  }

  /**
   * The question with the id replaced, in its place; the replacement may have another id.
   *
   * @throws UnknownQuestionException when the plan has no question with the id
   */
  public Plan withQuestion(String id, Question replacement) {
    List<Question> changed = new ArrayList<>(questions);
    changed.set(indexOf(id), replacement);
    return new Plan(policy, changed);
  }

  /**
   * @throws UnknownQuestionException when the plan has no question with the id
   */
  public Plan withoutQuestion(String id) {
    List<Question> changed = new ArrayList<>(questions);
    changed.remove(indexOf(id));
    return new Plan(policy, changed);
  }

  /**
   * The question moved by the offset in plan order (negative is earlier), stopping at either end.
   *
   * @throws UnknownQuestionException when the plan has no question with the id
   */
  public Plan withQuestionMoved(String id, int offset) {
    int from = indexOf(id);
    List<Question> changed = new ArrayList<>(questions);
    Question moved = changed.remove(from);
    changed.add(Math.clamp((long) from + offset, 0, changed.size()), moved);
    return new Plan(policy, changed);
  }

  /**
   * @throws UnknownQuestionException when the plan has no question with the id
   */
  public int indexOf(String id) {
    for (int i = 0; i < questions.size(); i++) {
      if (questions.get(i).id().equals(id)) {
        return i;
      }
    }
    throw new UnknownQuestionException(id);
  }
}
