package io.rapport.identity;

/**
 * One step of the login pipeline, run in order between a successful authentication and the return
 * to the application. Implementations are Spring beans ordered with {@code @Order}; the name of
 * each implementation ends in {@code Step}.
 */
public interface LoginStep {

  /** A stable name, used to remember that the step is done while the user is on its page. */
  String name();

  /**
   * Decides what happens to this login. A step that returns {@link StepResult.ShowPage} when {@link
   * LoginContext#interactive()} is false is skipped for this login instead: a request with {@code
   * prompt=none} never gets a page.
   */
  StepResult evaluate(LoginContext context);
}
