package io.rapport.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.identity.AccountService;
import io.rapport.identity.UserAccounts;
import io.rapport.platform.testing.Browser;
import io.rapport.platform.testing.RapportAppTest;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The quick start without a mail server: the verification mail waits in the console's outbox, and
 * the link found there verifies the address.
 */
@RapportAppTest
@TestPropertySource(properties = "rapport.mail.smtp-host=")
class OutboxTest {

  private static final Pattern LINK = Pattern.compile("http://\\S+/verify-email\\?token=\\S+");

  @LocalServerPort int port;
  @Autowired AccountService accounts;
  @Autowired UserAccounts users;

  @Test
  void theVerificationMailOfASignUpWaitsInTheOutboxAndItsLinkWorks() {
    accounts.createFirstAdministrator("outbox-admin@example.com", "Difference-Engine-1822");
    String email = "outbox-" + UUID.randomUUID() + "@example.com";
    try (Browser browser = Browser.start()) {
      browser.open(base() + "/signup");
      browser.fill("email", email);
      browser.fill("password", "Analytical-Engine-1843");
      browser.click("create-account");
      assertThat(browser.text("signed-in-as")).contains(email);
      browser.clickSelector("header.site form button");

      browser.open(base() + "/login");
      browser.fill("email", "outbox-admin@example.com");
      browser.fill("password", "Difference-Engine-1822");
      browser.click("sign-in");
      browser.waitForUrl(url -> !url.contains("/login"));
      browser.open(base() + "/admin/outbox");
      String mail =
          browser.driver().findElements(By.cssSelector("article.mail")).stream()
              .filter(article -> article.getText().contains(email))
              .findFirst()
              .orElseThrow()
              .getText();
      Matcher link = LINK.matcher(mail);
      assertThat(link.find()).as(mail).isTrue();
      browser.open(link.group());

      assertThat(browser.has("verified")).isTrue();
    }
    assertThat(users.findByEmail(email))
        .hasValueSatisfying(user -> assertThat(user.emailVerified()).isTrue());
  }

  private String base() {
    return "http://localhost:" + port;
  }
}
