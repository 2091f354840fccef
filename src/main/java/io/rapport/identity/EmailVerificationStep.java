package io.rapport.identity;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * When the company requires verified addresses, holds the login on a reminder page until the user
 * has followed the link sent by mail. A silent request cannot show that page, so it gets {@code
 * interaction_required} (OIDC Core, section 3.1.2.6) instead of tokens.
 */
@Component
@Order(100)
final class EmailVerificationStep implements LoginStep {

  static final String NAME = "email-verification";
  static final String PAGE = "/verify-email/required";

  private final UserAccounts accounts;
  private final IdentityProperties properties;

  EmailVerificationStep(UserAccounts accounts, IdentityProperties properties) {
    this.accounts = accounts;
    this.properties = properties;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public StepResult evaluate(LoginContext context) {
    if (!properties.requireEmailVerification() || isVerified(context.userId())) {
      return StepResult.CONTINUE;
    }
    if (!context.interactive()) {
      return new StepResult.Deny("interaction_required", "The email address is not verified yet");
    }
    return new StepResult.ShowPage(PAGE);
  }

  boolean isVerified(String userId) {
    return accounts.findById(userId).map(UserAccount::emailVerified).orElse(false);
  }
}
