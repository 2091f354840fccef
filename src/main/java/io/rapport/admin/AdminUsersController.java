package io.rapport.admin;

import io.rapport.enrichment.EnrichmentRefusedException;
import io.rapport.enrichment.EnrichmentRequests;
import io.rapport.identity.UserAccount;
import io.rapport.identity.UserAccounts;
import io.rapport.platform.AuditEventType;
import io.rapport.platform.AuditLog;
import io.rapport.profile.Observation;
import io.rapport.profile.Profile;
import io.rapport.profile.ProfileService;
import io.rapport.profile.Source;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The console's user list and user page. */
@Controller
@RequestMapping("/admin")
final class AdminUsersController {

  static final int PAGE_SIZE = 50;
  private static final int RECENT_SIGN_INS = 20;
  private static final List<AuditEventType> SIGN_IN_EVENTS =
      List.of(
          AuditEventType.LOGIN_SUCCEEDED,
          AuditEventType.LOGIN_FAILED,
          AuditEventType.LOGIN_LOCKED_OUT);

  private final UserAccounts accounts;
  private final ProfileService profiles;
  private final AuditLog audit;
  private final EnrichmentRequests enrichment;

  AdminUsersController(
      UserAccounts accounts,
      ProfileService profiles,
      AuditLog audit,
      EnrichmentRequests enrichment) {
    this.accounts = accounts;
    this.profiles = profiles;
    this.audit = audit;
    this.enrichment = enrichment;
  }

  @GetMapping
  String home() {
    return "redirect:/admin/users";
  }

  @GetMapping("/users")
  String users(
      @RequestParam(defaultValue = "") String q,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    int current = Math.max(0, page);
    long total = accounts.count(q);
    model.addAttribute("q", q);
    model.addAttribute("users", accounts.search(q, current * PAGE_SIZE, PAGE_SIZE));
    model.addAttribute("total", total);
    model.addAttribute("page", current);
    model.addAttribute("hasNext", (long) (current + 1) * PAGE_SIZE < total);
    return "admin/users";
  }

  @GetMapping("/users/{id}")
  String user(@PathVariable String id, Model model) {
    UserAccount account =
        accounts
            .findById(id)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such user"));
    Profile profile = profiles.profileOf(id);
    model.addAttribute("account", account);
    model.addAttribute("profile", profile);
    model.addAttribute("disagreements", disagreements(profile));
    model.addAttribute("enrichment", enrichment.status(id));
    model.addAttribute("signIns", audit.recentFor(id, SIGN_IN_EVENTS, RECENT_SIGN_INS));
    return "admin/user";
  }

  /**
   * Enriches the user again now, whatever the age of what is known; refused, with a notice, for a
   * user who may not be looked up.
   */
  @PostMapping("/users/{id}/enrichment")
  String enrich(@PathVariable String id, Authentication admin, RedirectAttributes redirect) {
    if (accounts.findById(id).isEmpty()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such user");
    }
    boolean queued;
    try {
      queued = enrichment.request(id);
    } catch (EnrichmentRefusedException refused) {
      redirect.addFlashAttribute(
          "notice", "Not queued: " + refused.refusal().reason() + ". Nothing is looked up.");
      return "redirect:/admin/users/" + id;
    }
    audit.record(AuditEventType.ADMIN_CHANGE, admin.getName(), id, null, "enrichment requested");
    redirect.addFlashAttribute(
        "notice",
        queued
            ? "An enrichment is queued; it runs in a moment."
            : "An enrichment was queued already; it runs in a moment.");
    return "redirect:/admin/users/" + id;
  }

  /**
   * Where a program disagrees with what a person declared: for each attribute whose effective value
   * was declared, the latest observation of each other source with another value. Precedence keeps
   * the declared value; the console shows the rest.
   */
  static Map<String, List<Observation>> disagreements(Profile profile) {
    Map<String, List<Observation>> found = new LinkedHashMap<>();
    profile
        .values()
        .forEach(
            (key, value) -> {
              if (!value.effective().source().declared()) {
                return;
              }
              Map<Source, Observation> latest = new LinkedHashMap<>();
              value.observations().stream()
                  .filter(observation -> !observation.source().declared())
                  .forEach(observation -> latest.putIfAbsent(observation.source(), observation));
              List<Observation> differing =
                  latest.values().stream()
                      .filter(observation -> !observation.value().equals(value.value()))
                      .toList();
              if (!differing.isEmpty()) {
                found.put(key, differing);
              }
            });
    return found;
  }
}
