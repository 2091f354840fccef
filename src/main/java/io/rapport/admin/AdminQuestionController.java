package io.rapport.admin;

import io.rapport.platform.Digests;
import io.rapport.platform.PageLocaleResolver;
import io.rapport.profile.AttributeCatalog;
import io.rapport.profiling.InvalidPlanException;
import io.rapport.profiling.Plan;
import io.rapport.profiling.PlanYaml;
import io.rapport.profiling.Question;
import io.rapport.profiling.QuestionPreviews;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Creating, editing, deleting and previewing one question of the plan. A question is edited as the
 * YAML of its entry in the import file, so that the console and the file say the same thing in the
 * same words; every save checks the whole plan, and stores nothing when it is invalid.
 */
@Controller
@RequestMapping(AdminPlanController.PAGE + "/questions")
final class AdminQuestionController {

  static final String EDIT_VIEW = "admin/plan-edit";

  /** Where a new question starts: the keys every question needs. */
  static final String NEW_QUESTION =
      """
      id: job-title
      attribute: job_title
      input: text
      text:
        en: What is your job title?
        de: Wie lautet Ihre Berufsbezeichnung?
      max-length: 100
      from-login: 1
      """;

  private final PlanChanges changes;
  private final QuestionPreviews previews;
  private final AttributeCatalog catalog;

  AdminQuestionController(
      PlanChanges changes, QuestionPreviews previews, AttributeCatalog catalog) {
    this.changes = changes;
    this.previews = previews;
    this.catalog = catalog;
  }

  @GetMapping("/new")
  String newQuestion(Model model) {
    return form(null, NEW_QUESTION, "", List.of(), model);
  }

  /** Adds the question after the others. */
  @PostMapping
  String create(
      @RequestParam(defaultValue = "") String yaml,
      Authentication admin,
      HttpServletResponse response,
      RedirectAttributes redirect,
      Model model) {
    YamlEdit<Question> edit = YamlEdit.question(yaml);
    if (!edit.readable()) {
      return refused(null, yaml, "", edit.problems(), response, model);
    }
    Question question = edit.value();
    try {
      changes.apply(
          plan -> plan.withNewQuestion(question), admin, "question '" + question.id() + "' added");
    } catch (InvalidPlanException e) {
      int position = changes.current().questions().size();
      return refused(null, yaml, "", edit.refusal(e, position), response, model);
    }
    return saved(question, "added", redirect);
  }

  @GetMapping("/{id}")
  String edit(@PathVariable String id, Model model) {
    Question question = changes.question(id);
    return form(id, PlanYaml.question(question), revision(question), List.of(), model);
  }

  /**
   * Replaces the question, in its place. Refused with 409 when the question was changed since the
   * form was shown: saving would undo that change unseen.
   */
  @PostMapping("/{id}")
  String save(
      @PathVariable String id,
      @RequestParam(defaultValue = "") String yaml,
      @RequestParam(defaultValue = "") String revision,
      Authentication admin,
      HttpServletResponse response,
      RedirectAttributes redirect,
      Model model) {
    int position = changes.positionOf(id);
    YamlEdit<Question> edit = YamlEdit.question(yaml);
    if (!edit.readable()) {
      return refused(id, yaml, revision, edit.problems(), response, model);
    }
    Question question = edit.value();
    try {
      changes.apply(
          plan -> unchangedSince(plan, id, revision).withQuestion(id, question),
          admin,
          "question '" + id + "' changed");
    } catch (InvalidPlanException e) {
      return refused(id, yaml, revision, edit.refusal(e, position), response, model);
    } catch (StaleEditException e) {
      return stale(id, yaml, response, model);
    }
    return saved(question, "saved", redirect);
  }

  @PostMapping("/{id}/delete")
  String delete(@PathVariable String id, Authentication admin, RedirectAttributes redirect) {
    changes.apply(plan -> plan.withoutQuestion(id), admin, "question '" + id + "' deleted");
    redirect.addFlashAttribute("notice", "Deleted question '" + id + "'.");
    return "redirect:" + AdminPlanController.PAGE;
  }

  /** The question as a user reading the language will see it on the prompt page. */
  @GetMapping("/{id}/preview")
  String preview(
      @PathVariable String id,
      @RequestParam(defaultValue = "en") String language,
      HttpServletRequest request,
      Model model) {
    Question question = changes.question(id);
    Locale locale = Locale.forLanguageTag(language);
    if (locale.getLanguage().isEmpty()) {
      locale = Locale.ENGLISH;
    }
    // The prompt's own texts (title, buttons, the list of countries) follow the language too.
    PageLocaleResolver.choose(request, locale);
    model.addAttribute("question", question);
    model.addAttribute("language", locale.toLanguageTag());
    model.addAttribute("languages", QuestionPreviews.languages(question));
    model.addAttribute("ownWording", QuestionPreviews.hasWording(question, locale));
    model.addAttribute("questions", previews.of(question, locale));
    return "admin/question-preview";
  }

  private String form(String id, String yaml, String revision, List<String> problems, Model model) {
    model.addAttribute("policyForm", false);
    model.addAttribute("questionId", id);
    model.addAttribute("yaml", yaml);
    model.addAttribute("revision", revision);
    model.addAttribute("problems", problems);
    model.addAttribute("attributes", catalog.all());
    return EDIT_VIEW;
  }

  private String refused(
      String id,
      String yaml,
      String revision,
      List<String> problems,
      HttpServletResponse response,
      Model model) {
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    return form(id, yaml, revision, problems, model);
  }

  /**
   * The form again with what was typed, and the question as it is now beside it; saving once more
   * replaces that version, now that it has been seen.
   */
  private String stale(String id, String yaml, HttpServletResponse response, Model model) {
    Question current = changes.question(id);
    response.setStatus(HttpServletResponse.SC_CONFLICT);
    model.addAttribute("current", PlanYaml.question(current));
    return form(id, yaml, revision(current), List.of(), model);
  }

  private static String saved(Question question, String what, RedirectAttributes redirect) {
    redirect.addFlashAttribute("notice", "Question '" + question.id() + "' " + what + ".");
    return "redirect:" + AdminPlanController.PAGE;
  }

  private static Plan unchangedSince(Plan plan, String id, String revision) {
    if (!revision(plan.questions().get(plan.indexOf(id))).equals(revision)) {
      throw new StaleEditException(id);
    }
    return plan;
  }

  /** What the form was shown with, to notice a change made meanwhile. */
  private static String revision(Question question) {
    return Digests.sha256Hex(PlanYaml.question(question));
  }
}
