package io.rapport.identity;

import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The link sent by mail, and the reminder page of {@link EmailVerificationStep} that holds a login
 * until the address is verified.
 */
@Controller
final class EmailVerificationController {

  private final AccountService accountService;
  private final EmailVerificationStep step;
  private final LoginPipeline pipeline;
  private final LinkBase links;

  EmailVerificationController(
      AccountService accountService,
      EmailVerificationStep step,
      LoginPipeline pipeline,
      LinkBase links) {
    this.accountService = accountService;
    this.step = step;
    this.pipeline = pipeline;
    this.links = links;
  }

  /** Following the link verifies the address; a login waiting for it can then go on. */
  @GetMapping("/verify-email")
  String verify(@RequestParam(defaultValue = "") String token, HttpSession session, Model model) {
    Optional<String> userId = accountService.verifyEmail(token);
    model.addAttribute("verified", userId.isPresent());
    pipeline
        .waitingOn(session, EmailVerificationStep.NAME)
        .ifPresent(resume -> model.addAttribute("resume", resume));
    return "identity/verify-email";
  }

  @GetMapping(EmailVerificationStep.PAGE)
  String reminder(@RequestParam(defaultValue = "") String resume, Model model) {
    model.addAttribute("resume", resume);
    return "identity/verify-email-required";
  }

  /** The user says the address is verified now: resume the login if it really is. */
  @PostMapping(EmailVerificationStep.PAGE)
  String proceed(
      @RequestParam(defaultValue = "") String resume,
      Authentication user,
      HttpSession session,
      Model model) {
    if (step.isVerified(user.getName())) {
      Optional<String> next = pipeline.complete(session, resume, EmailVerificationStep.NAME);
      if (next.isPresent()) {
        return "redirect:" + next.get();
      }
      return "redirect:/";
    }
    model.addAttribute("resume", resume);
    model.addAttribute("notYet", true);
    return "identity/verify-email-required";
  }

  @PostMapping(EmailVerificationStep.PAGE + "/resend")
  String resend(
      @RequestParam(defaultValue = "") String resume,
      Authentication user,
      Locale locale,
      Model model) {
    accountService.sendVerification(user.getName(), links.current(), locale);
    model.addAttribute("resume", resume);
    model.addAttribute("resent", true);
    return "identity/verify-email-required";
  }
}
