package io.rapport.identity;

import io.rapport.platform.Digests;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs the login steps in order for one authorization request, and remembers in the session (which
 * lives in the database) how far it got while the user is on a step's page, so that the
 * authorization resumes exactly where it stopped, on any node.
 */
@Component
public class LoginPipeline {

  private static final Logger log = LoggerFactory.getLogger(LoginPipeline.class);
  private static final String PROGRESS_PREFIX = LoginPipeline.class.getName() + ".";

  private final List<LoginStep> steps;

  LoginPipeline(List<LoginStep> steps) {
    this.steps = List.copyOf(steps);
  }

  /** What the pipeline decided for one pass over an authorization request. */
  sealed interface Outcome {
    /** Every step let the login through: the authorization server may issue the code. */
    record Proceed() implements Outcome {}

    /** A step ended the login with an OAuth error. */
    record Denied(StepResult.Deny denial) implements Outcome {}

    /** A step wants the user on its page first. */
    record Redirect(String location) implements Outcome {}
  }

  Outcome run(HttpServletRequest request, LoginContext context) {
    String key = keyOf(request);
    HttpSession session = request.getSession();
    Progress progress = (Progress) session.getAttribute(PROGRESS_PREFIX + key);
    Set<String> done =
        progress == null ? new LinkedHashSet<>() : new LinkedHashSet<>(progress.done());
    for (LoginStep step : steps) {
      if (done.contains(step.name())) {
        continue;
      }
      StepResult result = step.evaluate(context);
      switch (result) {
        case StepResult.Continue ignored -> done.add(step.name());
        case StepResult.Deny denial -> {
          session.removeAttribute(PROGRESS_PREFIX + key);
          log.debug("Login step {} denied the login: {}", step.name(), denial.errorCode());
          return new Outcome.Denied(denial);
        }
        case StepResult.ShowPage page -> {
          if (!context.interactive()) {
            log.debug("Login step {} skipped its page: prompt=none", step.name());
            continue;
          }
          Progress waiting = new Progress(resumeUrl(request), Set.copyOf(done), step.name());
          session.setAttribute(PROGRESS_PREFIX + key, waiting);
          return new Outcome.Redirect(withResumeKey(page.path(), key));
        }
      }
    }
    session.removeAttribute(PROGRESS_PREFIX + key);
    return new Outcome.Proceed();
  }

  /**
   * Called by a step's page once the user has done what it asked: marks the step done and returns
   * the URL that resumes the authorization request.
   */
  public Optional<String> complete(HttpSession session, String resumeKey, String stepName) {
    if (resumeKey == null || !resumeKey.matches("[0-9a-f]{64}")) {
      return Optional.empty();
    }
    Progress progress = (Progress) session.getAttribute(PROGRESS_PREFIX + resumeKey);
    if (progress == null || !stepName.equals(progress.waitingFor())) {
      return Optional.empty();
    }
    Set<String> done = new LinkedHashSet<>(progress.done());
    done.add(stepName);
    session.setAttribute(
        PROGRESS_PREFIX + resumeKey, new Progress(progress.resumeUrl(), Set.copyOf(done), null));
    return Optional.of(progress.resumeUrl());
  }

  /** The resume key of a login in this session waiting on the named step, if there is one. */
  public Optional<String> waitingOn(HttpSession session, String stepName) {
    var names = session.getAttributeNames();
    while (names.hasMoreElements()) {
      String name = names.nextElement();
      if (name.startsWith(PROGRESS_PREFIX)
          && session.getAttribute(name) instanceof Progress progress
          && stepName.equals(progress.waitingFor())) {
        return Optional.of(name.substring(PROGRESS_PREFIX.length()));
      }
    }
    return Optional.empty();
  }

  private static String resumeUrl(HttpServletRequest request) {
    String query = queryOf(request);
    return request.getRequestURI() + (query.isEmpty() ? "" : "?" + query);
  }

  /**
   * The request's parameters as a query string. An authorization request may also come as a form
   * POST (OIDC Core, section 3.1.2.1); it resumes as the equivalent GET.
   */
  private static String queryOf(HttpServletRequest request) {
    if ("GET".equals(request.getMethod())) {
      return request.getQueryString() == null ? "" : request.getQueryString();
    }
    StringBuilder query = new StringBuilder();
    request
        .getParameterMap()
        .forEach(
            (name, values) -> {
              for (String value : values) {
                query.append(query.isEmpty() ? "" : "&");
                query.append(URLEncoder.encode(name, StandardCharsets.UTF_8));
                query.append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
              }
            });
    return query.toString();
  }

  private static String withResumeKey(String path, String key) {
    return path + (path.contains("?") ? "&" : "?") + "resume=" + key;
  }

  /** The same authorization request always gets the same key: a hash of its parameters. */
  private static String keyOf(HttpServletRequest request) {
    return Digests.sha256Hex(queryOf(request));
  }

  /**
   * How far the pipeline got for one authorization request.
   *
   * @param waitingFor the step whose page the user is on, or null once that page is done
   */
  record Progress(String resumeUrl, Set<String> done, String waitingFor) implements Serializable {}
}
