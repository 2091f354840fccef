package io.rapport.identity;

import io.rapport.platform.Mailer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page (Spring Security handles the form post) and the signed-in home page. */
@Controller
final class LoginController {

  private final Clock clock;
  private final Mailer mailer;
  private final UserAccounts accounts;

  LoginController(Clock clock, Mailer mailer, UserAccounts accounts) {
    this.clock = clock;
    this.mailer = mailer;
    this.accounts = accounts;
  }

  @GetMapping(SecurityConfiguration.LOGIN_PAGE)
  String login(@RequestParam(required = false) Long locked, Model model) {
    if (locked != null) {
      Instant retryAt = Instant.ofEpochSecond(locked);
      long seconds = Math.max(1, Duration.between(clock.instant(), retryAt).toSeconds());
      model.addAttribute("lockedMinutes", (seconds + 59) / 60);
      model.addAttribute("retryAt", retryAt);
    }
    return "identity/login";
  }

  @GetMapping("/")
  String home(Authentication authentication, Model model) {
    if (authentication != null && authentication.isAuthenticated()) {
      accounts
          .findById(authentication.getName())
          .ifPresent(account -> model.addAttribute("account", account));
    }
    model.addAttribute("outbox", mailer.usesOutbox());
    return "identity/home";
  }
}
