package io.rapport.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.platform.testing.PageClient;
import io.rapport.platform.testing.RapportAppTest;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/** A hash made with older Argon2 settings is replaced by one with the current settings. */
@RapportAppTest
class PasswordUpgradeTest {

  private static final String PASSWORD = "Analytical-Engine-1843";

  @LocalServerPort int port;
  @Autowired AccountService accountService;
  @Autowired UserAccounts accounts;

  @Test
  void signingInWithAHashOfOlderSettingsStoresOneOfTheCurrentSettings() {
    String email = FlowFixtures.uniqueEmail("upgrade");
    UserAccount user = accountService.signUp(email, PASSWORD, base(), Locale.ENGLISH, "127.0.0.1");
    String older = "{argon2}" + new Argon2PasswordEncoder(16, 32, 1, 19456, 2).encode(PASSWORD);
    accounts.updatePasswordHash(user.id(), older);

    PageClient pages = new PageClient();
    PageClient.Page login = pages.navigate(base() + "/login");
    PageClient.Page signedIn =
        pages.follow(
            pages.submit(login, base() + "/login", Map.of("email", email, "password", PASSWORD)));

    assertThat(signedIn.has("signed-in-as")).isTrue();
    assertThat(accounts.passwordHashOf(user.id()))
        .hasValueSatisfying(
            hash -> assertThat(hash).startsWith("{argon2}$argon2id$v=19$m=7168,t=5,p=1$"));
  }

  private String base() {
    return "http://localhost:" + port;
  }
}
