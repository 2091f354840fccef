package io.rapport.profiling;

import io.rapport.identity.AccountPageExtension;
import io.rapport.identity.UserAccounts;
import io.rapport.platform.PageLocaleResolver;
import io.rapport.profile.Attribute;
import io.rapport.profile.AttributeCatalog;
import io.rapport.profile.NewObservation;
import io.rapport.profile.Profile;
import io.rapport.profile.ProfileService;
import io.rapport.profile.ProfileValue;
import io.rapport.profile.Source;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The user's own profile page: every attribute Rapport knows, its value, where it came from and
 * when; and a form per attribute to change it, checked like a prompt's answer. Other features add
 * sections of their own through {@link AccountPageExtension} (enrichment: whether the user is
 * looked up).
 */
@Controller
final class AccountController {

  static final String PAGE = "/account";
  private static final String EDIT = PAGE + "/edit";
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final ProfileService profiles;
  private final AttributeCatalog catalog;
  private final PlanStore plans;
  private final UserAccounts accounts;
  private final QuestionViews views;
  private final SourceDescriptions sources;
  private final List<AccountPageExtension> extensions;

  AccountController(
      ProfileService profiles,
      AttributeCatalog catalog,
      PlanStore plans,
      UserAccounts accounts,
      QuestionViews views,
      MessageSource messages,
      ObjectProvider<AccountPageExtension> extensions) {
    this.profiles = profiles;
    this.catalog = catalog;
    this.plans = plans;
    this.accounts = accounts;
    this.views = views;
    this.sources = new SourceDescriptions(messages);
    this.extensions = extensions.orderedStream().toList();
  }

  @GetMapping(PAGE)
  String show(Authentication user, HttpServletRequest request, Model model) {
    Profile profile = profiles.profileOf(user.getName());
    Locale locale = chooseLocale(profile, request);
    Plan plan = plans.current();
    List<AccountEntry> entries =
        profile.values().values().stream().map(value -> entry(plan, value, locale)).toList();
    accounts.findById(user.getName()).ifPresent(account -> model.addAttribute("account", account));
    model.addAttribute("entries", entries);
    model.addAttribute(
        "accountSections",
        extensions.stream()
            .flatMap(extension -> extension.section(user.getName(), locale).stream())
            .toList());
    return "profiling/account";
  }

  @GetMapping(EDIT)
  String edit(
      @RequestParam(defaultValue = "") String attribute,
      Authentication user,
      HttpServletRequest request,
      Model model) {
    Optional<Attribute> found = catalog.find(attribute);
    if (found.isEmpty()) {
      return "redirect:" + PAGE;
    }
    Profile profile = profiles.profileOf(user.getName());
    Locale locale = chooseLocale(profile, request);
    Question question = AccountQuestions.forAttribute(plans.current(), found.get());
    Map<String, List<String>> current =
        profile
            .value(attribute)
            .map(value -> Map.of(question.id(), QuestionViews.parts(question, value)))
            .orElse(Map.of());
    return editPage(found.get(), question, profile, current, null, locale, model);
  }

  @PostMapping(EDIT)
  String change(
      @RequestParam MultiValueMap<String, String> form,
      Authentication user,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Optional<Attribute> found = catalog.find(String.valueOf(form.getFirst("attribute")));
    if (found.isEmpty()) {
      return "redirect:" + PAGE;
    }
    Plan plan = plans.current();
    Question question = AccountQuestions.forAttribute(plan, found.get());
    CheckedAnswers checked =
        AnswerForm.check(List.of(question), plan, Map.of(found.get().key(), found.get()), form);
    if (!checked.acceptable()) {
      Profile profile = profiles.profileOf(user.getName());
      Locale locale = chooseLocale(profile, request);
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      MessageRef error =
          checked.formErrors().isEmpty()
              ? checked.errors().get(question.id())
              : checked.formErrors().get(0);
      return editPage(found.get(), question, profile, checked.submitted(), error, locale, model);
    }
    profiles.observe(
        new NewObservation(
            user.getName(),
            found.get().key(),
            checked.values().get(question.id()),
            Source.USER,
            1.0));
    return "redirect:" + PAGE + "?changed=" + found.get().key();
  }

  private String editPage(
      Attribute attribute,
      Question question,
      Profile profile,
      Map<String, List<String>> values,
      MessageRef error,
      Locale locale,
      Model model) {
    model.addAttribute("attribute", attribute.key());
    model.addAttribute("label", attribute.label(locale));
    model.addAttribute("questions", List.of(views.of(question, profile, values, error, locale)));
    return "profiling/account-edit";
  }

  private AccountEntry entry(Plan plan, ProfileValue value, Locale locale) {
    Question question = AccountQuestions.forAttribute(plan, value.attribute());
    return new AccountEntry(
        value.attribute().key(),
        value.attribute().label(locale),
        views.display(question, value.value(), locale),
        sources.describe(value.effective().source(), locale),
        WHEN.format(value.effective().observedAt()));
  }

  private static Locale chooseLocale(Profile profile, HttpServletRequest request) {
    Locale locale = UserLocale.of(profile, request);
    PageLocaleResolver.choose(request, locale);
    return locale;
  }
}
