package io.rapport.admin;

import io.rapport.identity.Application;
import io.rapport.identity.ApplicationDefinition;
import io.rapport.identity.ApplicationRegistry;
import io.rapport.identity.InvalidApplicationException;
import io.rapport.profile.AttributeCatalog;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The console's list of applications, and the form that registers one. */
@Controller
@RequestMapping("/admin/applications")
final class AdminApplicationsController {

  private final ApplicationRegistry registry;
  private final AttributeCatalog catalog;
  private final SecureRandom random = new SecureRandom();

  AdminApplicationsController(ApplicationRegistry registry, AttributeCatalog catalog) {
    this.registry = registry;
    this.catalog = catalog;
  }

  @GetMapping
  String list(Model model) {
    model.addAttribute("applications", registry.list());
    return "admin/applications";
  }

  @GetMapping("/new")
  String form(Model model) {
    return showForm(new ApplicationForm(), model);
  }

  /**
   * Registers the application. A confidential one gets a generated secret, shown once on the next
   * page and stored only as a hash.
   */
  @PostMapping
  String register(
      @ModelAttribute ApplicationForm form,
      Authentication admin,
      HttpServletResponse response,
      Model model) {
    if (registry.find(form.getClientId()).isPresent()) {
      response.setStatus(HttpServletResponse.SC_CONFLICT);
      model.addAttribute("error", "client-id: an application with this client id exists already");
      return showForm(form, model);
    }
    String secret = form.isConfidential() ? newSecret() : null;
    Application application;
    try {
      application =
          registry.register(
              form.toDefinition(secret), ApplicationRegistry.ORIGIN_CONSOLE, admin.getName());
    } catch (InvalidApplicationException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("error", e.field() + ": " + e.getMessage());
      return showForm(form, model);
    }
    model.addAttribute("registered", application);
    model.addAttribute("secret", secret);
    return "admin/application-created";
  }

  private String showForm(ApplicationForm form, Model model) {
    model.addAttribute("form", form);
    model.addAttribute("attributes", catalog.all());
    return "admin/application-new";
  }

  private String newSecret() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The registration form's fields; URIs are typed one per line. */
  static final class ApplicationForm {
    private String clientId = "";
    private String name = "";
    private String redirectUris = "";
    private String postLogoutRedirectUris = "";
    private boolean confidential;
    private boolean clientCredentials;
    private String scopes = "";
    private List<String> claims = new ArrayList<>();

    ApplicationDefinition toDefinition(String secret) {
      List<String> grants = new ArrayList<>(List.of("authorization_code", "refresh_token"));
      if (confidential && clientCredentials) {
        grants.add("client_credentials");
      }
      return new ApplicationDefinition(
          clientId.strip(),
          name,
          lines(redirectUris),
          lines(postLogoutRedirectUris),
          secret,
          grants,
          words(scopes),
          claims);
    }

    private static List<String> lines(String text) {
      return Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static List<String> words(String text) {
      return Arrays.stream(text.split("[\\s,]+")).filter(s -> !s.isEmpty()).toList();
    }

    public String getClientId() {
      return clientId;
    }

    public void setClientId(String clientId) {
      this.clientId = clientId == null ? "" : clientId;
    }

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name == null ? "" : name;
    }

    public String getRedirectUris() {
      return redirectUris;
    }

    public void setRedirectUris(String redirectUris) {
      this.redirectUris = redirectUris == null ? "" : redirectUris;
    }

    public String getPostLogoutRedirectUris() {
      return postLogoutRedirectUris;
    }

    public void setPostLogoutRedirectUris(String uris) {
      this.postLogoutRedirectUris = uris == null ? "" : uris;
    }

    public boolean isConfidential() {
      return confidential;
    }

    public void setConfidential(boolean confidential) {
      this.confidential = confidential;
    }

    public boolean isClientCredentials() {
      return clientCredentials;
    }

    public void setClientCredentials(boolean clientCredentials) {
      this.clientCredentials = clientCredentials;
    }

    public String getScopes() {
      return scopes;
    }

    public void setScopes(String scopes) {
      this.scopes = scopes == null ? "" : scopes;
    }

    public List<String> getClaims() {
      return claims;
    }

    public void setClaims(List<String> claims) {
      this.claims = claims == null ? new ArrayList<>() : claims;
    }
  }
}
