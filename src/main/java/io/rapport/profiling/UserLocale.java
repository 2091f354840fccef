package io.rapport.profiling;

import io.rapport.profile.Profile;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/** The language to ask a user in: the profile's {@code locale}, else the browser's. */
final class UserLocale {

  static final String ATTRIBUTE = "locale";

  private UserLocale() {}

  static Locale of(Profile profile, HttpServletRequest request) {
    return profile
        .value(ATTRIBUTE)
        .map(tag -> Locale.forLanguageTag(tag.replace('_', '-')))
        .filter(locale -> !locale.getLanguage().isEmpty())
        .orElseGet(request::getLocale);
  }
}
