package io.rapport.identity;

import io.rapport.platform.RapportProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Prepares what sign-in needs before the server takes requests: a signing key, and the first
 * administrator from {@code RAPPORT_ADMIN_EMAIL} and {@code RAPPORT_ADMIN_PASSWORD}.
 */
@Component
final class IdentityStartup implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(IdentityStartup.class);

  private final SigningKeys keys;
  private final AccountService accounts;
  private final RapportProperties properties;
  private volatile boolean running;

  IdentityStartup(SigningKeys keys, AccountService accounts, RapportProperties properties) {
    this.keys = keys;
    this.accounts = accounts;
    this.properties = properties;
  }

  @Override
  public void start() {
    keys.ensureActiveKey();
    createFirstAdministrator();
    running = true;
  }

  private void createFirstAdministrator() {
    RapportProperties.Admin admin = properties.admin();
    if (isBlank(admin.email()) || isBlank(admin.password())) {
      return;
    }
    try {
      if (accounts.createFirstAdministrator(admin.email(), admin.password())) {
        log.info("Created the first administrator from RAPPORT_ADMIN_EMAIL");
      }
    } catch (RejectedInputException e) {
      throw new IllegalStateException(
          "RAPPORT_ADMIN_EMAIL or RAPPORT_ADMIN_PASSWORD is not acceptable ("
              + e.messageKey()
              + "): the address must be valid and the password must follow the password rules"
              + " in docs/configuration.md",
          e);
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  @Override
  public void stop() {
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Before the web server (which starts in the last phase) accepts its first request. */
  @Override
  public int getPhase() {
    return Integer.MIN_VALUE + 1000;
  }
}
