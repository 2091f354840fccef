package io.rapport.admin;

import io.rapport.enrichment.EnrichmentPipeline;
import io.rapport.enrichment.InvalidProviderException;
import io.rapport.enrichment.LookupFigures;
import io.rapport.enrichment.ProviderAdministration;
import io.rapport.enrichment.ProviderAdministration.ProviderForm;
import io.rapport.enrichment.ProviderStore.StoredProvider;
import io.rapport.enrichment.UnknownProviderException;
import io.rapport.identity.EmailAddress;
import io.rapport.platform.AuditEventType;
import io.rapport.platform.AuditLog;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's enrichment providers: the waterfall in order with limits, budget use and why
 * Rapport disabled one; adding, editing, ordering, switching and removing them; and a test lookup
 * of one address through every provider.
 */
@Controller
@RequestMapping(AdminEnrichmentController.PAGE)
final class AdminEnrichmentController {

  static final String PAGE = "/admin/enrichment";
  private static final String EDIT_VIEW = "admin/provider-edit";

  private final ProviderAdministration administration;
  private final EnrichmentPipeline pipeline;
  private final LookupFigures figures;
  private final AuditLog audit;

  AdminEnrichmentController(
      ProviderAdministration administration,
      EnrichmentPipeline pipeline,
      LookupFigures figures,
      AuditLog audit) {
    this.administration = administration;
    this.pipeline = pipeline;
    this.figures = figures;
    this.audit = audit;
  }

  @GetMapping
  String providers(Model model) {
    List<StoredProvider> providers = administration.list();
    Map<String, Long> calls = figures.callsThisMonth();
    model.addAttribute(
        "rows",
        providers.stream()
            .map(
                provider ->
                    ProviderRow.of(
                        provider,
                        providers.indexOf(provider),
                        providers.size(),
                        calls.getOrDefault(provider.settings().id(), 0L)))
            .toList());
    model.addAttribute("types", administration.types());
    return "admin/enrichment";
  }

  /** Asks every enabled provider about one address and shows what each returned. */
  @PostMapping("/test")
  String test(
      @RequestParam(defaultValue = "") String email,
      Authentication admin,
      HttpServletResponse response,
      Model model) {
    Optional<String> address = EmailAddress.normalise(email);
    model.addAttribute("testEmail", email);
    if (address.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("testProblem", "'" + email + "' is not an email address.");
    } else {
      model.addAttribute("trials", pipeline.tryOut(address.get()));
      audit.record(
          AuditEventType.ADMIN_CHANGE, admin.getName(), null, null, "enrichment: test lookup");
    }
    return providers(model);
  }

  @GetMapping("/providers/new")
  String newProvider(@RequestParam(defaultValue = "") String type, Model model) {
    return form(new ProviderForm(type, type, "", "", "", "", "", ""), true, List.of(), model);
  }

  @GetMapping("/providers/{id}")
  String edit(@PathVariable String id, Model model) {
    StoredProvider provider = stored(id);
    model.addAttribute("maskedKey", provider.settings().maskedApiKey());
    model.addAttribute("origin", provider.origin());
    return form(ProviderForm.of(provider.settings()), false, List.of(), model);
  }

  /** Adds a provider ({@code creating}) or saves one; refused whole when anything is wrong. */
  @PostMapping("/providers")
  String save(
      @ModelAttribute ProviderForm form,
      @RequestParam(defaultValue = "false") boolean creating,
      Authentication admin,
      HttpServletResponse response,
      RedirectAttributes redirect,
      Model model) {
    if (creating && administration.find(form.id()).isPresent()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return form(form, true, List.of("id: a provider '" + form.id() + "' exists already"), model);
    }
    try {
      administration.save(form);
    } catch (InvalidProviderException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      administration
          .find(form.id())
          .ifPresent(stored -> model.addAttribute("maskedKey", stored.settings().maskedApiKey()));
      return form(form, creating, e.problems(), model);
    }
    String what = creating ? "added" : "saved";
    return changed(admin, redirect, "Provider '" + form.id() + "' " + what + ".", form.id(), what);
  }

  @PostMapping("/providers/{id}/enabled")
  String enable(
      @PathVariable String id,
      @RequestParam boolean enabled,
      Authentication admin,
      RedirectAttributes redirect) {
    known(() -> administration.setEnabled(id, enabled));
    String what = enabled ? "enabled" : "disabled";
    return changed(admin, redirect, "Provider '" + id + "' " + what + ".", id, what);
  }

  @PostMapping("/providers/{id}/move")
  String move(
      @PathVariable String id,
      @RequestParam String direction,
      Authentication admin,
      RedirectAttributes redirect) {
    boolean up = "up".equals(direction);
    known(() -> administration.move(id, up ? -1 : 1));
    String what = "moved " + (up ? "up" : "down");
    return changed(admin, redirect, "Provider '" + id + "' " + what + ".", id, what);
  }

  @PostMapping("/providers/{id}/delete")
  String delete(@PathVariable String id, Authentication admin, RedirectAttributes redirect) {
    known(() -> administration.remove(id));
    return changed(admin, redirect, "Provider '" + id + "' removed.", id, "removed");
  }

  private String changed(
      Authentication admin, RedirectAttributes redirect, String notice, String id, String what) {
    audit.record(
        AuditEventType.ADMIN_CHANGE,
        admin.getName(),
        null,
        null,
        "enrichment provider '" + id + "' " + what);
    redirect.addFlashAttribute("notice", notice);
    return "redirect:" + PAGE;
  }

  private String form(ProviderForm form, boolean creating, List<String> problems, Model model) {
    model.addAttribute("form", form);
    model.addAttribute("creating", creating);
    model.addAttribute("problems", problems);
    model.addAttribute("types", administration.types());
    return EDIT_VIEW;
  }

  private StoredProvider stored(String id) {
    return administration
        .find(id)
        .orElseThrow(
            () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No provider '" + id + "'"));
  }

  private static void known(Runnable change) {
    try {
      change.run();
    } catch (UnknownProviderException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage(), e);
    }
  }
}
