package io.rapport.profiling;

import io.rapport.identity.LoginPipeline;
import io.rapport.platform.PageLocaleResolver;
import io.rapport.profile.Profile;
import io.rapport.profile.ProfileService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The prompt page of {@link ProfilingStep}: the questions due, in the user's language, answered or
 * skipped in one click; then the authorization resumes where it stopped.
 */
@Controller
final class PromptController {

  static final String VIEW = "profiling/prompt";
  private static final String SKIP = "skip";

  private final PromptService prompts;
  private final PromptSubmissions submissions;
  private final PlanStore plans;
  private final ProfileService profiles;
  private final QuestionViews views;
  private final LoginPipeline pipeline;

  PromptController(
      PromptService prompts,
      PromptSubmissions submissions,
      PlanStore plans,
      ProfileService profiles,
      QuestionViews views,
      LoginPipeline pipeline) {
    this.prompts = prompts;
    this.submissions = submissions;
    this.plans = plans;
    this.profiles = profiles;
    this.views = views;
    this.pipeline = pipeline;
  }

  @GetMapping(ProfilingStep.PAGE)
  String show(
      @RequestParam(defaultValue = "") String id,
      @RequestParam(defaultValue = "") String resume,
      Authentication user,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Optional<Prompt> prompt = prompts.find(user.getName(), id);
    Profile profile = profiles.profileOf(user.getName());
    Locale locale = chooseLocale(profile, request);
    if (prompt.isEmpty()) {
      return gone(true, response, HttpServletResponse.SC_NOT_FOUND, model);
    }
    if (prompt.get().state() != PromptState.OPEN) {
      return gone(false, response, HttpServletResponse.SC_OK, model);
    }
    return page(prompt.get(), resume, profile, CheckedAnswers.none(), locale, model);
  }

  @PostMapping(ProfilingStep.PAGE)
  String submit(
      @RequestParam MultiValueMap<String, String> form,
      Authentication user,
      HttpServletRequest request,
      HttpServletResponse response,
      HttpSession session,
      Model model) {
    String resume = form.getFirst("resume") == null ? "" : form.getFirst("resume");
    Optional<Prompt> prompt = prompts.find(user.getName(), form.getFirst("id"));
    Profile profile = profiles.profileOf(user.getName());
    Locale locale = chooseLocale(profile, request);
    if (prompt.isEmpty()) {
      return gone(true, response, HttpServletResponse.SC_NOT_FOUND, model);
    }
    SubmissionOutcome outcome =
        SKIP.equals(form.getFirst("action"))
            ? submissions.skip(prompt.get())
            : submissions.submit(prompt.get(), form);
    return switch (outcome) {
      case SubmissionOutcome.Accepted accepted ->
          "redirect:"
              + pipeline.complete(session, resume, ProfilingStep.NAME).orElse("/account?saved");
      case SubmissionOutcome.Rejected rejected -> {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        yield page(prompt.get(), resume, profile, rejected.answers(), locale, model);
      }
      case SubmissionOutcome.Closed closed ->
          gone(false, response, HttpServletResponse.SC_CONFLICT, model);
    };
  }

  private String page(
      Prompt prompt,
      String resume,
      Profile profile,
      CheckedAnswers answers,
      Locale locale,
      Model model) {
    List<Question> asked = submissions.questionsOf(prompt, plans.current());
    List<String> formErrors = new ArrayList<>();
    answers.formErrors().forEach(error -> formErrors.add(views.message(error, locale)));
    if (!answers.errors().isEmpty()) {
      formErrors.add(views.message(MessageRef.of("prompt.error.form"), locale));
    }
    model.addAttribute("promptId", prompt.id());
    model.addAttribute("resume", resume);
    model.addAttribute("gate", asked.stream().anyMatch(Question::gate));
    model.addAttribute("formErrors", formErrors);
    model.addAttribute(
        "questions", views.of(asked, profile, answers.submitted(), answers.errors(), locale));
    return VIEW;
  }

  private static String gone(
      boolean unknown, HttpServletResponse response, int status, Model model) {
    response.setStatus(status);
    model.addAttribute(unknown ? "unknown" : "closed", true);
    return "profiling/prompt-closed";
  }

  private static Locale chooseLocale(Profile profile, HttpServletRequest request) {
    Locale locale = UserLocale.of(profile, request);
    PageLocaleResolver.choose(request, locale);
    return locale;
  }
}
