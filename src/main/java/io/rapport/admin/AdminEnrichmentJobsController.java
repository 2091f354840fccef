package io.rapport.admin;

import io.rapport.enrichment.EnrichmentJobList;
import io.rapport.enrichment.EnrichmentJobs;
import io.rapport.enrichment.LookupFigures;
import io.rapport.enrichment.ProviderAdministration;
import io.rapport.platform.AuditEventType;
import io.rapport.platform.AuditLog;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The console's enrichment jobs, with a retry button, and what enrichment costs per provider. */
@Controller
@RequestMapping(AdminEnrichmentController.PAGE)
final class AdminEnrichmentJobsController {

  /** The most jobs of each list a page shows; the counts above say how many there are. */
  static final int LISTED = 100;

  /** How far back the costs view goes. */
  static final int COST_DAYS = 30;

  private final EnrichmentJobList jobList;
  private final EnrichmentJobs jobs;
  private final LookupFigures figures;
  private final ProviderAdministration providers;
  private final AuditLog audit;

  AdminEnrichmentJobsController(
      EnrichmentJobList jobList,
      EnrichmentJobs jobs,
      LookupFigures figures,
      ProviderAdministration providers,
      AuditLog audit) {
    this.jobList = jobList;
    this.jobs = jobs;
    this.figures = figures;
    this.providers = providers;
    this.audit = audit;
  }

  @GetMapping("/jobs")
  String jobs(Model model) {
    model.addAttribute("counts", jobList.counts());
    model.addAttribute("queued", jobList.queued(LISTED));
    model.addAttribute("failed", jobList.failed(LISTED));
    model.addAttribute("listed", LISTED);
    return "admin/enrichment-jobs";
  }

  @PostMapping("/jobs/{userId}/retry")
  String retry(@PathVariable String userId, Authentication admin, RedirectAttributes redirect) {
    if (jobs.retryNow(userId)) {
      audit.record(
          AuditEventType.ADMIN_CHANGE, admin.getName(), userId, null, "enrichment job run again");
      redirect.addFlashAttribute("notice", "The job runs again now.");
    } else {
      redirect.addFlashAttribute("notice", "That job is no longer queued or failed.");
    }
    return "redirect:" + AdminEnrichmentController.PAGE + "/jobs";
  }

  @GetMapping("/costs")
  String costs(Model model) {
    Map<String, Long> calls = figures.callsThisMonth();
    Map<String, Integer> budgets = new LinkedHashMap<>();
    providers.list().forEach(p -> budgets.put(p.settings().id(), p.settings().monthlyBudget()));
    model.addAttribute("days", COST_DAYS);
    model.addAttribute("byDay", figures.byDay(COST_DAYS));
    model.addAttribute("calls", calls);
    model.addAttribute("budgets", budgets);
    return "admin/enrichment-costs";
  }
}
