package io.rapport.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Sign-up: an email address and a password, nothing more. The new user is signed in at once and,
 * when sign-up started from an application's authorization request, sent back to it.
 */
@Controller
final class SignupController {

  private final AccountService accountService;
  private final PasswordPolicy policy;
  private final LinkBase links;
  private final MessageSource messages;
  private final RequestCache requestCache = new HttpSessionRequestCache();
  private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
  private final SecurityContextHolderStrategy holder =
      SecurityContextHolder.getContextHolderStrategy();

  SignupController(
      AccountService accountService,
      PasswordPolicy policy,
      LinkBase links,
      MessageSource messages) {
    this.accountService = accountService;
    this.policy = policy;
    this.links = links;
    this.messages = messages;
  }

  @GetMapping("/signup")
  String form(Model model) {
    model.addAttribute("minLength", policy.minLength());
    model.addAttribute("maxLength", policy.maxLength());
    return "identity/signup";
  }

  @PostMapping("/signup")
  String signUp(
      @RequestParam(defaultValue = "") String email,
      @RequestParam(defaultValue = "") String password,
      HttpServletRequest request,
      HttpServletResponse response,
      Locale locale,
      Model model) {
    UserAccount account;
    try {
      account =
          accountService.signUp(email, password, links.current(), locale, request.getRemoteAddr());
    } catch (RejectedInputException rejected) {
      model.addAttribute("email", email);
      model.addAttribute(
          "errorMessage", messages.getMessage(rejected.messageKey(), rejected.arguments(), locale));
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return form(model);
    }
    signIn(account, request, response);
    SavedRequest saved = requestCache.getRequest(request, response);
    if (saved != null) {
      requestCache.removeRequest(request, response);
      return "redirect:" + saved.getRedirectUrl();
    }
    return "redirect:/";
  }

  /**
   * Signs the new user in, in a new session id (session fixation), exactly as a password sign-in
   * would: with the password factor, whose time becomes the ID token's {@code auth_time} (OIDC
   * Core, section 2), and without which no ID token can be issued.
   */
  private void signIn(
      UserAccount account, HttpServletRequest request, HttpServletResponse response) {
    User principal = new User(account.id(), "", AccountUserDetailsService.authorities(account));
    List<GrantedAuthority> authorities = new ArrayList<>(principal.getAuthorities());
    authorities.add(
        FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY));
    UsernamePasswordAuthenticationToken authentication =
        UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
    authentication.setDetails(new WebAuthenticationDetailsSource().buildDetails(request));
    request.getSession();
    request.changeSessionId();
    SecurityContext context = holder.createEmptyContext();
    context.setAuthentication((Authentication) authentication);
    holder.setContext(context);
    contexts.saveContext(context, request, response);
  }
}
