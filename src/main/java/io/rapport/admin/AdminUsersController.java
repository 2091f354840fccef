package io.rapport.admin;

import io.rapport.identity.UserAccount;
import io.rapport.identity.UserAccounts;
import io.rapport.platform.AuditEventType;
import io.rapport.platform.AuditLog;
import io.rapport.profile.ProfileService;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

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

  AdminUsersController(UserAccounts accounts, ProfileService profiles, AuditLog audit) {
    this.accounts = accounts;
    this.profiles = profiles;
    this.audit = audit;
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
    model.addAttribute("account", account);
    model.addAttribute("profile", profiles.profileOf(id));
    model.addAttribute("signIns", audit.recentFor(id, SIGN_IN_EVENTS, RECENT_SIGN_INS));
    return "admin/user";
  }
}
