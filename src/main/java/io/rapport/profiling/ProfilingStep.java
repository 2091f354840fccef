package io.rapport.profiling;

import io.rapport.identity.LoginContext;
import io.rapport.identity.LoginStep;
import io.rapport.identity.StepResult;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Shows the prompt page when questions are due at the {@code login} moment, after email
 * verification (100) and the post-login actions (200), before the application gets its code.
 *
 * <p>Asking never breaks a login: a request with {@code prompt=none} is not asked anything (the
 * questions wait for the next visible login), and when choosing the questions fails, the login goes
 * on without them.
 */
@Component
@Order(300)
final class ProfilingStep implements LoginStep {

  static final String NAME = "progressive-profiling";
  static final String PAGE = "/prompt";

  private static final Logger log = LoggerFactory.getLogger(ProfilingStep.class);

  private final PromptService prompts;

  ProfilingStep(PromptService prompts) {
    this.prompts = prompts;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public StepResult evaluate(LoginContext context) {
    if (!context.interactive()) {
      return StepResult.CONTINUE;
    }
    try {
      Optional<Prompt> prompt = prompts.atLogin(context.userId(), context.clientId());
      return prompt
          .<StepResult>map(found -> new StepResult.ShowPage(PAGE + "?id=" + found.id()))
          .orElse(StepResult.CONTINUE);
    } catch (RuntimeException e) {
      log.warn(
          "RAPPORT-PROFILING-001 Questions could not be chosen for a login, which goes on without"
              + " them: {}",
          e.getClass().getSimpleName());
      log.debug("Choosing the questions failed", e);
      return StepResult.CONTINUE;
    }
  }
}
