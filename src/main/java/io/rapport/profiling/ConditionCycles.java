package io.rapport.profiling;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds conditions that wait on one another: question A asks for x only when y is known, and
 * question B asks for y only when x is known. Neither would ever be asked.
 */
final class ConditionCycles {

  private final Map<String, List<Edge>> edges = new LinkedHashMap<>();

  /** An attribute asked for only when another is known, because of one question. */
  private record Edge(String from, String to, int question, String questionId) {}

  ConditionCycles(List<Question> questions) {
    for (int i = 0; i < questions.size(); i++) {
      Question question = questions.get(i);
      Condition condition = question.when().condition();
      if (condition != null && question.attribute() != null && condition.attribute() != null) {
        Edge edge = new Edge(question.attribute(), condition.attribute(), i, question.id());
        edges.computeIfAbsent(edge.from(), ignored -> new ArrayList<>()).add(edge);
      }
    }
  }

  /** Reports each cycle once, at the first of its questions in plan order. */
  void report(ProblemCollector problems) {
    Set<String> done = new HashSet<>();
    for (String start : edges.keySet()) {
      if (done.contains(start)) {
        continue;
      }
      Optional<List<Edge>> cycle = cycleFrom(start, new ArrayList<>(), new HashMap<>());
      cycle.ifPresent(
          edgesOfCycle -> {
            edgesOfCycle.forEach(edge -> done.add(edge.from()));
            describe(edgesOfCycle, problems);
          });
      done.add(start);
    }
  }

  /** Depth first along the conditions; a cycle is an edge back to an attribute on the path. */
  private Optional<List<Edge>> cycleFrom(
      String attribute, List<Edge> path, Map<String, Integer> onPath) {
    onPath.put(attribute, path.size());
    for (Edge edge : edges.getOrDefault(attribute, List.of())) {
      path.add(edge);
      Integer back = onPath.get(edge.to());
      if (back != null) {
        return Optional.of(List.copyOf(path.subList(back, path.size())));
      }
      Optional<List<Edge>> found = cycleFrom(edge.to(), path, onPath);
      if (found.isPresent()) {
        return found;
      }
      path.remove(path.size() - 1);
    }
    onPath.remove(attribute);
    return Optional.empty();
  }

  private static void describe(List<Edge> cycle, ProblemCollector problems) {
    Edge first =
        cycle.stream().min((a, b) -> Integer.compare(a.question(), b.question())).orElseThrow();
    StringBuilder reason = new StringBuilder("conditions form a cycle, so none of them is asked:");
    for (Edge edge : cycle) {
      reason.append(
          " question '%s' asks for %s only when %s is known;"
              .formatted(edge.questionId(), edge.from(), edge.to()));
    }
    reason.setLength(reason.length() - 1);
    problems
        .scope(first.question(), first.questionId())
        .report("when.attribute", reason.toString());
  }
}
