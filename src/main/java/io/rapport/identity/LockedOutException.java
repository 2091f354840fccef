package io.rapport.identity;

import java.time.Instant;
import org.springframework.security.core.AuthenticationException;

/** Too many failed attempts: the next one may be made at {@link #retryAt()}. */
final class LockedOutException extends AuthenticationException {

  private final transient Instant retryAt;

  LockedOutException(Instant retryAt) {
    super("Too many failed sign-in attempts");
    this.retryAt = retryAt;
  }

  Instant retryAt() {
    return retryAt;
  }
}
