package io.rapport.platform.yaml;

/** A text is not YAML at all; {@link #problem()} says where the parser gave up, and why. */
public final class YamlSyntaxException extends IllegalArgumentException {

  private final transient YamlProblem problem;

  YamlSyntaxException(YamlProblem problem) {
    super(problem.reason());
    this.problem = problem;
  }

  public YamlProblem problem() {
    return problem;
  }
}
