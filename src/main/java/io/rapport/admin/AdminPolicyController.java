package io.rapport.admin;

import io.rapport.profiling.InvalidPlanException;
import io.rapport.profiling.PlanYaml;
import io.rapport.profiling.Policy;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The prompt policy of the plan, edited as the YAML of {@code profiling.policy}. */
@Controller
@RequestMapping(AdminPlanController.PAGE + "/policy")
final class AdminPolicyController {

  private final PlanChanges changes;

  AdminPolicyController(PlanChanges changes) {
    this.changes = changes;
  }

  @GetMapping
  String edit(Model model) {
    return form(PlanYaml.policy(changes.current().policy()), List.of(), model);
  }

  @PostMapping
  String save(
      @RequestParam(defaultValue = "") String yaml,
      Authentication admin,
      HttpServletResponse response,
      RedirectAttributes redirect,
      Model model) {
    YamlEdit<Policy> edit = YamlEdit.policy(yaml);
    List<String> problems = edit.problems();
    if (edit.readable()) {
      try {
        changes.apply(plan -> plan.withPolicy(edit.value()), admin, "policy changed");
        redirect.addFlashAttribute("notice", "The policy is saved.");
        return "redirect:" + AdminPlanController.PAGE;
      } catch (InvalidPlanException e) {
        problems = edit.refusal(e, -1);
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    return form(yaml, problems, model);
  }

  private static String form(String yaml, List<String> problems, Model model) {
    model.addAttribute("policyForm", true);
    model.addAttribute("yaml", yaml);
    model.addAttribute("problems", problems);
    return AdminQuestionController.EDIT_VIEW;
  }
}
