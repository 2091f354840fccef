package io.rapport.api;

import io.rapport.identity.UserAccount;
import java.time.Instant;

/** A user as the management API shows it. */
record UserResource(
    String id,
    String email,
    boolean emailVerified,
    Instant createdAt,
    Instant lastLoginAt,
    int loginsCount) {

  static UserResource of(UserAccount account) {
    return new UserResource(
        account.id(),
        account.email(),
        account.emailVerified(),
        account.createdAt(),
        account.lastLoginAt(),
        account.loginsCount());
  }
}
