package io.rapport.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.identity.AccountService;
import io.rapport.identity.ApplicationRegistry;
import io.rapport.identity.UserAccount;
import io.rapport.platform.testing.Browser;
import io.rapport.platform.testing.RapportAppTest;
import io.rapport.profile.NewObservation;
import io.rapport.profile.ProfileService;
import io.rapport.profile.Source;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The console, driven in a real browser by the administrator made on first start. */
@RapportAppTest
class AdminConsoleTest {

  private static final String ADMIN_EMAIL = "console-admin@example.com";
  private static final String ADMIN_PASSWORD = "Difference-Engine-1822";
  private static final String PASSWORD = "Analytical-Engine-1843";

  @LocalServerPort int port;
  @Autowired AccountService accounts;
  @Autowired ProfileService profiles;
  @Autowired ApplicationRegistry applications;

  private Browser browser;

  @BeforeEach
  void startBrowser() {
    // Only this class makes an administrator in the shared context; on its second test the
    // first administrator exists already and the call changes nothing.
    accounts.createFirstAdministrator(ADMIN_EMAIL, ADMIN_PASSWORD);
    browser = Browser.start();
  }

  @AfterEach
  void stopBrowser() {
    browser.close();
  }

  @Test
  void administratorFindsAUserAndSeesWhereEachProfileValueCameFromAndTheSignIns() {
    String email = "console-" + UUID.randomUUID() + "@example.com";
    UserAccount user = accounts.signUp(email, PASSWORD, base(), Locale.ENGLISH, "127.0.0.1");
    profiles.observe(new NewObservation(user.id(), "company_name", "Acme Video", Source.USER, 1));
    profiles.observe(
        new NewObservation(
            user.id(), "company_name", "ACME Inc", Source.enrichment("clearbit"), 0.9));
    signIn(email, PASSWORD);
    signOut();

    signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    browser.open(base() + "/admin/users");
    browser.fill("q", email.substring(0, 20));
    browser.clickAndAwait(browser.driver().findElement(By.id("search")), "search");
    browser.driver().findElement(By.linkText(email)).click();

    assertThat(browser.text("user-email")).isEqualTo(email);
    WebElement company = row("profile", "company_name");
    assertThat(company.findElement(By.className("value")).getText()).isEqualTo("Acme Video");
    assertThat(company.findElement(By.className("source")).getText()).isEqualTo("user");
    assertThat(company.getText()).contains("1.00").contains("2 observations");
    assertThat(browser.text("sign-ins")).contains("LOGIN_SUCCEEDED");
  }

  @Test
  void administratorRegistersAnApplicationAndSeesItListed() {
    String clientId = "console-app-" + UUID.randomUUID().toString().substring(0, 8);
    signIn(ADMIN_EMAIL, ADMIN_PASSWORD);

    browser.open(base() + "/admin/applications/new");
    browser.fill("clientId", clientId);
    browser.fill("name", "Console App");
    browser.fill("redirectUris", "https://app.example.com/callback");
    browser.clickSelector("input[name=confidential][type=checkbox]");
    browser.clickSelector("input[name=claims][value=job_role]");
    browser.click("register");

    assertThat(browser.text("client-id")).as(browser.pageText()).isEqualTo(clientId);
    assertThat(browser.text("client-secret")).hasSizeGreaterThanOrEqualTo(40);
    browser.open(base() + "/admin/applications");
    WebElement listed =
        browser.driver().findElement(By.cssSelector("[data-client-id='" + clientId + "']"));
    assertThat(listed.getText()).contains("Console App", "confidential", "job_role", "console");
    assertThat(applications.find(clientId))
        .hasValueSatisfying(app -> assertThat(app.claims()).containsExactly("job_role"));
  }

  @Test
  void anInvalidRegistrationSaysWhichFieldIsWrongAndRegistersNothing() {
    String clientId = "console-bad-" + UUID.randomUUID().toString().substring(0, 8);
    signIn(ADMIN_EMAIL, ADMIN_PASSWORD);

    browser.open(base() + "/admin/applications/new");
    browser.fill("clientId", clientId);
    browser.fill("redirectUris", "localhost:3000/callback");
    browser.click("register");

    assertThat(browser.text("application-error")).startsWith("redirect-uris: ");
    assertThat(applications.find(clientId)).isEmpty();
  }

  @Test
  void aUserWhoIsNotAnAdministratorIsRefusedTheConsole() {
    String email = "not-admin-" + UUID.randomUUID() + "@example.com";
    accounts.signUp(email, PASSWORD, base(), Locale.ENGLISH, "127.0.0.1");
    signIn(email, PASSWORD);

    browser.open(base() + "/admin/users");

    assertThat(browser.has("users")).isFalse();
    assertThat(browser.text("error-status")).contains("403");
  }

  private void signIn(String email, String password) {
    browser.open(base() + "/login");
    browser.fill("email", email);
    browser.fill("password", password);
    browser.click("sign-in");
    browser.waitForUrl(url -> !url.contains("/login"));
  }

  private void signOut() {
    browser.clickSelector("header.site form button");
    browser.waitForUrl(url -> url.contains("/login"));
  }

  private WebElement row(String tableId, String attributeKey) {
    return browser
        .driver()
        .findElement(By.cssSelector("#" + tableId + " tr[data-attribute='" + attributeKey + "']"));
  }

  private String base() {
    return "http://localhost:" + port;
  }
}
