package io.rapport.admin;

import io.rapport.profiling.InvalidPlanException;
import io.rapport.profiling.Plan;
import io.rapport.profiling.PlanYaml;
import io.rapport.profiling.PromptFigures;
import io.rapport.profiling.Question;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * The console's page of the progressive profiling plan: the policy, the questions in plan order
 * with their figures, moving and switching questions, and the export as an import file.
 */
@Controller
@RequestMapping(AdminPlanController.PAGE)
final class AdminPlanController {

  static final String PAGE = "/admin/profiling";
  static final String EXPORT_FILE = "rapport-profiling.yaml";
  private static final MediaType YAML =
      new MediaType("application", "yaml", StandardCharsets.UTF_8);

  private final PlanChanges changes;
  private final PromptFigures figures;
  private final Clock clock;

  AdminPlanController(PlanChanges changes, PromptFigures figures, Clock clock) {
    this.changes = changes;
    this.figures = figures;
    this.clock = clock;
  }

  @GetMapping
  String plan(Model model) {
    Plan plan = changes.current();
    PromptFigures.Figures counted = figures.all();
    model.addAttribute("policy", PolicySummary.of(plan.policy()));
    model.addAttribute("rows", rows(plan, counted));
    model.addAttribute(
        "moments",
        counted.byMoment().entrySet().stream()
            .map(entry -> new MomentRow(entry.getKey(), entry.getValue()))
            .toList());
    return "admin/profiling";
  }

  /** Moves the question one place earlier ({@code up}) or later ({@code down}) in plan order. */
  @PostMapping("/questions/{id}/move")
  String move(
      @PathVariable String id,
      @RequestParam String direction,
      Authentication admin,
      RedirectAttributes redirect) {
    int offset = "up".equals(direction) ? -1 : 1;
    String moved = offset < 0 ? "up" : "down";
    return change(
        plan -> plan.withQuestionMoved(id, offset),
        "question '" + id + "' moved " + moved,
        admin,
        redirect);
  }

  @PostMapping("/questions/{id}/enabled")
  String enable(
      @PathVariable String id,
      @RequestParam boolean enabled,
      Authentication admin,
      RedirectAttributes redirect) {
    String switched = enabled ? "enabled" : "disabled";
    return change(
        plan -> plan.withQuestion(id, plan.questions().get(plan.indexOf(id)).withEnabled(enabled)),
        "question '" + id + "' " + switched,
        admin,
        redirect);
  }

  /** The plan in use as an import file that holds it and nothing else. */
  @GetMapping("/export")
  ResponseEntity<String> export() {
    return ResponseEntity.ok()
        .contentType(YAML)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(EXPORT_FILE).build().toString())
        .body(PlanYaml.importFile(changes.current(), clock.instant()));
  }

  private String change(
      UnaryOperator<Plan> change, String what, Authentication admin, RedirectAttributes redirect) {
    try {
      changes.apply(change, admin, what);
      redirect.addFlashAttribute("notice", "Saved: " + what + ".");
    } catch (InvalidPlanException e) {
      redirect.addFlashAttribute("problems", e.problems().stream().map(Object::toString).toList());
    }
    return "redirect:" + PAGE;
  }

  private static List<QuestionRow> rows(Plan plan, PromptFigures.Figures counted) {
    List<QuestionRow> rows = new ArrayList<>();
    List<Question> questions = plan.questions();
    for (int i = 0; i < questions.size(); i++) {
      Question question = questions.get(i);
      rows.add(
          new QuestionRow(i, i == questions.size() - 1, question, counted.question(question.id())));
    }
    return rows;
  }
}
