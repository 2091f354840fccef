package io.rapport.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
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
 * Sign-up: an email address and a password, and the fields other features add through {@link
 * SignupFormExtension} (the questions of the sign-up moment). The new user is signed in at once
 * and, when sign-up started from an application's authorization request, sent back to it.
 */
@Controller
final class SignupController {

  private final AccountService accountService;
  private final PasswordPolicy policy;
  private final LinkBase links;
  private final MessageSource messages;
  private final List<SignupFormExtension> extensions;
  private final RequestCache requestCache = new HttpSessionRequestCache();
  private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
  private final SecurityContextHolderStrategy holder =
      SecurityContextHolder.getContextHolderStrategy();

  SignupController(
      AccountService accountService,
      PasswordPolicy policy,
      LinkBase links,
      MessageSource messages,
      ObjectProvider<SignupFormExtension> extensions) {
    this.accountService = accountService;
    this.policy = policy;
    this.links = links;
    this.messages = messages;
    this.extensions = extensions.orderedStream().toList();
  }

  @GetMapping("/signup")
  String form(
      HttpServletRequest request, HttpServletResponse response, Locale locale, Model model) {
    return form(signupRequest(request, response, locale), List.of(), model);
  }

  @PostMapping("/signup")
  String signUp(
      @RequestParam(defaultValue = "") String email,
      @RequestParam(defaultValue = "") String password,
      HttpServletRequest request,
      HttpServletResponse response,
      Locale locale,
      Model model) {
    SignupFormExtension.SignupRequest signup = signupRequest(request, response, locale);
    List<SignupFormExtension.Checked> checked = check(signup, request);
    if (!checked.stream().allMatch(SignupFormExtension.Checked::acceptable)) {
      model.addAttribute("email", email);
      return refused(
          new RejectedInputException("signup.checkFields"), signup, checked, model, response);
    }
    UserAccount account;
    try {
      account =
          accountService.signUp(
              email,
              password,
              links.current(),
              locale,
              request.getRemoteAddr(),
              created -> store(created, checked));
    } catch (RejectedInputException rejected) {
      model.addAttribute("email", email);
      return refused(rejected, signup, checked, model, response);
    }
    signIn(account, request, response);
    SavedRequest saved = requestCache.getRequest(request, response);
    if (saved != null) {
      requestCache.removeRequest(request, response);
      return "redirect:" + saved.getRedirectUrl();
    }
    return "redirect:/";
  }

  /** The form again, with what was sent and why it was refused; no account was created. */
  private String refused(
      RejectedInputException rejected,
      SignupFormExtension.SignupRequest signup,
      List<SignupFormExtension.Checked> checked,
      Model model,
      HttpServletResponse response) {
    model.addAttribute(
        "errorMessage",
        messages.getMessage(rejected.messageKey(), rejected.arguments(), signup.locale()));
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    return form(signup, checked, model);
  }

  private String form(
      SignupFormExtension.SignupRequest signup,
      List<SignupFormExtension.Checked> checked,
      Model model) {
    List<SignupFormExtension.Section> sections = new ArrayList<>();
    for (int i = 0; i < extensions.size(); i++) {
      SignupFormExtension.Checked submitted = checked.isEmpty() ? null : checked.get(i);
      extensions.get(i).section(signup, submitted).ifPresent(sections::add);
    }
    model.addAttribute("signupSections", sections);
    model.addAttribute("minLength", policy.minLength());
    model.addAttribute("maxLength", policy.maxLength());
    return "identity/signup";
  }

  private List<SignupFormExtension.Checked> check(
      SignupFormExtension.SignupRequest signup, HttpServletRequest request) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    request.getParameterMap().forEach((name, values) -> parameters.put(name, List.of(values)));
    return extensions.stream().map(extension -> extension.check(signup, parameters)).toList();
  }

  private void store(UserAccount account, List<SignupFormExtension.Checked> checked) {
    for (int i = 0; i < extensions.size(); i++) {
      extensions.get(i).store(account.id(), checked.get(i));
    }
  }

  /** The application is the one whose authorization request is waiting for the sign-up. */
  private SignupFormExtension.SignupRequest signupRequest(
      HttpServletRequest request, HttpServletResponse response, Locale locale) {
    SavedRequest saved = requestCache.getRequest(request, response);
    String[] clientIds = saved == null ? null : saved.getParameterValues("client_id");
    String clientId = clientIds == null || clientIds.length == 0 ? null : clientIds[0];
    return new SignupFormExtension.SignupRequest(locale, clientId);
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
