package io.rapport.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The language of a page: the one its controller chose for the request, such as the language a user
 * set in the profile, else the browser's {@code Accept-Language}. Messages of the bundle are
 * rendered in it, so that a page reads in one language throughout.
 */
public final class PageLocaleResolver extends AcceptHeaderLocaleResolver {

  private static final String ATTRIBUTE = PageLocaleResolver.class.getName() + ".LOCALE";

  /** Renders this request's page in the locale. */
  public static void choose(HttpServletRequest request, Locale locale) {
    request.setAttribute(ATTRIBUTE, locale);
  }

  @Override
  public Locale resolveLocale(HttpServletRequest request) {
    return request.getAttribute(ATTRIBUTE) instanceof Locale chosen
        ? chosen
        : super.resolveLocale(request);
  }
}
