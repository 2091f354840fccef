package io.rapport.admin;

import io.rapport.identity.AccountService;
import io.rapport.platform.testing.Browser;
import io.rapport.platform.testing.PageClient;
import java.util.Map;

/**
 * The administrator of the shared test application, signed in in a browser or over plain HTTP. The
 * first administrator is made once; for every later caller the account exists already.
 */
final class ConsoleAdmin {

  static final String EMAIL = "console-admin@example.com";
  static final String PASSWORD = "Difference-Engine-1822";

  private ConsoleAdmin() {}

  static void ensureExists(AccountService accounts) {
    accounts.createFirstAdministrator(EMAIL, PASSWORD);
  }

  static void signIn(Browser browser, String base) {
    browser.open(base + "/login");
    browser.fill("email", EMAIL);
    browser.fill("password", PASSWORD);
    browser.click("sign-in");
    browser.waitForUrl(url -> !url.contains("/login"));
  }

  /** A client over plain HTTP holding the administrator's session. */
  static PageClient signedIn(String base) {
    PageClient pages = new PageClient();
    PageClient.Page login = pages.navigate(base + "/login");
    pages.follow(
        pages.submit(login, base + "/login", Map.of("email", EMAIL, "password", PASSWORD)));
    return pages;
  }
}
