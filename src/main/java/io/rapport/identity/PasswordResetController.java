package io.rapport.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "Forgot your password?": a link by mail, then a new password. */
@Controller
final class PasswordResetController {

  private final AccountService accountService;
  private final PasswordPolicy policy;
  private final LinkBase links;
  private final MessageSource messages;

  PasswordResetController(
      AccountService accountService,
      PasswordPolicy policy,
      LinkBase links,
      MessageSource messages) {
    this.accountService = accountService;
    this.policy = policy;
    this.links = links;
    this.messages = messages;
  }

  @GetMapping("/forgot-password")
  String forgotForm() {
    return "identity/forgot-password";
  }

  /** Answers the same whether or not the address has an account. */
  @PostMapping("/forgot-password")
  String forgot(
      @RequestParam(defaultValue = "") String email,
      HttpServletRequest request,
      Locale locale,
      Model model) {
    accountService.requestPasswordReset(email, links.current(), locale, request.getRemoteAddr());
    model.addAttribute("sent", true);
    return "identity/forgot-password";
  }

  @GetMapping("/reset-password")
  String resetForm(
      @RequestParam(defaultValue = "") String token, HttpServletResponse response, Model model) {
    boolean valid = accountService.isResetTokenValid(token);
    if (!valid) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    }
    model.addAttribute("invalidLink", !valid);
    return showResetForm(token, model);
  }

  @PostMapping("/reset-password")
  String reset(
      @RequestParam(defaultValue = "") String token,
      @RequestParam(defaultValue = "") String password,
      HttpServletRequest request,
      HttpServletResponse response,
      Locale locale,
      Model model) {
    try {
      accountService.resetPassword(token, password, request.getRemoteAddr());
    } catch (RejectedInputException rejected) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute(
          "errorMessage", messages.getMessage(rejected.messageKey(), rejected.arguments(), locale));
      model.addAttribute("invalidLink", "reset.invalidLink".equals(rejected.messageKey()));
      return showResetForm(token, model);
    }
    return "redirect:/login?passwordChanged";
  }

  private String showResetForm(String token, Model model) {
    model.addAttribute("token", token);
    model.addAttribute("minLength", policy.minLength());
    model.addAttribute("maxLength", policy.maxLength());
    return "identity/reset-password";
  }
}
