package io.rapport.profiling;

import io.rapport.profile.Profile;
import io.rapport.profile.ProfileService;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user's prompts, for applications: the questions due at a moment the application
 * raises (such as {@code purchase}), and the user's answers or skip. The same rules, checks and
 * events as the prompt page of the login flow apply; only the page is the application's.
 */
@RestController
@RequestMapping("/api/v1/me/prompts")
final class PromptApiController {

  private final PromptService prompts;
  private final PromptSubmissions submissions;
  private final PlanStore plans;
  private final ProfileService profiles;
  private final QuestionViews views;
  private final MessageSource messages;

  PromptApiController(
      PromptService prompts,
      PromptSubmissions submissions,
      PlanStore plans,
      ProfileService profiles,
      QuestionViews views,
      MessageSource messages) {
    this.prompts = prompts;
    this.submissions = submissions;
    this.plans = plans;
    this.profiles = profiles;
    this.views = views;
    this.messages = messages;
  }

  /**
   * The prompt of the moment: the one made for it at the user's current login and still open, else
   * a new one; 204 when nothing is due. Making it records the questions as shown.
   */
  @PostMapping
  ResponseEntity<PromptResource> open(
      @RequestBody(required = false) MomentRequest body,
      JwtAuthenticationToken token,
      HttpServletRequest request) {
    String moment = requireNamedMoment(body == null ? null : body.moment());
    return prompts
        .at(token.getName(), moment, clientOf(token))
        .map(prompt -> ResponseEntity.ok(resource(prompt, request)))
        .orElseGet(() -> ResponseEntity.noContent().build());
  }

  @GetMapping("/{id}")
  PromptResource get(
      @PathVariable String id, JwtAuthenticationToken token, HttpServletRequest request) {
    return resource(require(token, id), request);
  }

  /**
   * Stores the answers, by question id: a text, a number or true/false, or a list of texts for a
   * multiple choice; a question left out or empty is skipped unless it is required.
   */
  @PostMapping("/{id}/answers")
  PromptResource answer(
      @PathVariable String id,
      @RequestBody(required = false) AnswersRequest body,
      JwtAuthenticationToken token,
      HttpServletRequest request) {
    Prompt prompt = require(token, id);
    Map<String, List<String>> form = formOf(body);
    return finish(prompt, submissions.submit(prompt, form), request);
  }

  /** Skips every question of the prompt; refused when it holds a gate. */
  @PostMapping("/{id}/skip")
  PromptResource skip(
      @PathVariable String id, JwtAuthenticationToken token, HttpServletRequest request) {
    Prompt prompt = require(token, id);
    return finish(prompt, submissions.skip(prompt), request);
  }

  private PromptResource finish(
      Prompt prompt, SubmissionOutcome outcome, HttpServletRequest request) {
    Locale locale = localeOf(prompt.userId(), request);
    return switch (outcome) {
      case SubmissionOutcome.Accepted accepted ->
          resource(prompts.find(prompt.userId(), prompt.id()).orElseThrow(), request);
      case SubmissionOutcome.Rejected rejected -> throw refused(rejected.answers(), locale);
      case SubmissionOutcome.Closed closed ->
          throw problem(HttpStatus.CONFLICT, views.message(MessageRef.of("prompt.closed"), locale));
    };
  }

  private PromptResource resource(Prompt prompt, HttpServletRequest request) {
    Profile profile = profiles.profileOf(prompt.userId());
    Locale locale = UserLocale.of(profile, request);
    List<Question> asked = submissions.questionsOf(prompt, plans.current());
    boolean gate = asked.stream().anyMatch(Question::gate);
    List<PromptResource.QuestionResource> questions =
        views.of(asked, profile, Map.of(), Map.of(), locale).stream()
            .map(view -> question(view, locale))
            .toList();
    return new PromptResource(
        prompt.id(),
        prompt.moment(),
        prompt.state().name().toLowerCase(Locale.ROOT),
        locale.toLanguageTag(),
        gate,
        texts(gate, locale),
        questions);
  }

  private PromptResource.QuestionResource question(QuestionView view, Locale locale) {
    return new PromptResource.QuestionResource(
        view.id(),
        view.kind(),
        view.text(),
        view.help(),
        view.required(),
        view.options(),
        view.values(),
        view.offered() == null ? null : text("prompt.offered", locale, view.offered()),
        view.minLength(),
        view.maxLength(),
        view.min(),
        view.max());
  }

  private PromptResource.Texts texts(boolean gate, Locale locale) {
    return new PromptResource.Texts(
        text("prompt.title", locale),
        text(gate ? "prompt.introGate" : "prompt.intro", locale),
        text("prompt.continue", locale),
        gate ? null : text("prompt.skip", locale),
        text("prompt.choose", locale));
  }

  /** 400 with what is wrong: each refused answer under its question id, and the form's errors. */
  private ErrorResponseException refused(CheckedAnswers answers, Locale locale) {
    List<String> formErrors = new ArrayList<>();
    answers.formErrors().forEach(error -> formErrors.add(views.message(error, locale)));
    Map<String, String> errors = new LinkedHashMap<>();
    answers
        .errors()
        .forEach((question, error) -> errors.put(question, views.message(error, locale)));
    String detail =
        formErrors.isEmpty()
            ? views.message(MessageRef.of("prompt.error.form"), locale)
            : String.join(" ", formErrors);
    ErrorResponseException problem = problem(HttpStatus.BAD_REQUEST, detail);
    problem.getBody().setProperty("errors", errors);
    return problem;
  }

  private Prompt require(JwtAuthenticationToken token, String id) {
    return prompts
        .find(token.getName(), id)
        .orElseThrow(
            () -> problem(HttpStatus.NOT_FOUND, "The signed-in user has no prompt '" + id + "'"));
  }

  private Locale localeOf(String userId, HttpServletRequest request) {
    return UserLocale.of(profiles.profileOf(userId), request);
  }

  private String text(String key, Locale locale, Object... arguments) {
    return messages.getMessage(key, arguments, locale);
  }

  /** The application the token was issued to: its only audience. */
  private static String clientOf(JwtAuthenticationToken token) {
    List<String> audience = token.getToken().getAudience();
    return audience == null || audience.isEmpty() ? null : audience.get(0);
  }

  private static String requireNamedMoment(String moment) {
    if (moment == null || moment.isBlank()) {
      throw problem(
          HttpStatus.BAD_REQUEST,
          "'moment' is required: the name of the moment the application raises, such as"
              + " \"purchase\"");
    }
    if (Moments.SIGNUP.equals(moment) || Moments.LOGIN.equals(moment)) {
      throw problem(
          HttpStatus.BAD_REQUEST,
          "'moment' may not be \""
              + moment
              + "\": Rapport asks the questions of sign-up and"
              + " login on its own pages; name a moment the application raises, such as"
              + " \"purchase\"");
    }
    if (!Moments.isValidName(moment)) {
      throw problem(
          HttpStatus.BAD_REQUEST,
          "'moment' is not a moment name: a lower-case letter, then up to 39 of a-z, 0-9, _"
              + " or -");
    }
    return moment;
  }

  /** The answers as the prompt page's form would send them: {@code answer.<id>} fields. */
  private static Map<String, List<String>> formOf(AnswersRequest body) {
    Map<String, List<String>> form = new LinkedHashMap<>();
    if (body == null || body.answers() == null) {
      return form;
    }
    body.answers().forEach((id, value) -> form.put(AnswerForm.fieldName(id), values(id, value)));
    return form;
  }

  private static List<String> values(String questionId, Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> list) {
      List<String> values = new ArrayList<>();
      list.forEach(item -> values.add(scalar(questionId, item)));
      return values;
    }
    return List.of(scalar(questionId, value));
  }

  private static String scalar(String questionId, Object value) {
    if (value instanceof String || value instanceof Number || value instanceof Boolean) {
      return String.valueOf(value);
    }
    throw problem(
        HttpStatus.BAD_REQUEST,
        "The answer to '"
            + questionId
            + "' must be a text, a number, true or false, or a list"
            + " of texts");
  }

  private static ErrorResponseException problem(HttpStatus status, String detail) {
    return new ErrorResponseException(
        status, ProblemDetail.forStatusAndDetail(status, detail), null);
  }

  /** {@code {"moment": "purchase"}} */
  record MomentRequest(String moment) {}

  /** {@code {"answers": {"company-name": "Acme", "languages": ["java", "go"]}}} */
  record AnswersRequest(Map<String, Object> answers) {}
}
