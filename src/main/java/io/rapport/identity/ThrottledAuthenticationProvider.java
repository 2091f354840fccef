package io.rapport.identity;

import io.rapport.platform.AuditEventType;
import io.rapport.platform.AuditLog;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in with the brute-force rules around Spring's DAO provider, which already spends
 * the same hashing time on unknown addresses as on wrong passwords.
 */
final class ThrottledAuthenticationProvider implements AuthenticationProvider {

  private static final Logger log = LoggerFactory.getLogger(ThrottledAuthenticationProvider.class);

  private final DaoAuthenticationProvider passwords;
  private final LoginThrottle throttle;
  private final UserAccounts accounts;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;

  ThrottledAuthenticationProvider(
      DaoAuthenticationProvider passwords,
      LoginThrottle throttle,
      UserAccounts accounts,
      AuditLog audit,
      ApplicationEventPublisher events) {
    this.passwords = passwords;
    this.throttle = throttle;
    this.accounts = accounts;
    this.audit = audit;
    this.events = events;
  }

  @Override
  public Authentication authenticate(Authentication attempt) {
    String email = String.valueOf(attempt.getPrincipal());
    String ip = clientIp(attempt);
    Optional<Instant> blocked = throttle.blockedUntil(email, ip);
    if (blocked.isPresent()) {
      audit.record(AuditEventType.LOGIN_LOCKED_OUT, AuditLog.SYSTEM, userIdOf(email), ip, null);
      throw new LockedOutException(blocked.get());
    }
    try {
      Authentication authenticated = passwords.authenticate(attempt);
      throttle.recordSuccess(email);
      String userId = authenticated.getName();
      accounts.recordLogin(userId);
      audit.record(AuditEventType.LOGIN_SUCCEEDED, userId, userId, ip, "password");
      events.publishEvent(new AccountEvents.SignedIn(userId));
      return authenticated;
    } catch (AuthenticationException e) {
      throttle.recordFailure(email, ip);
      audit.record(AuditEventType.LOGIN_FAILED, AuditLog.SYSTEM, userIdOf(email), ip, null);
      log.debug("Password sign-in failed: {}", e.getClass().getSimpleName());
      throw e;
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }

  private String userIdOf(String email) {
    return accounts.findByEmail(email).map(UserAccount::id).orElse(null);
  }

  private static String clientIp(Authentication attempt) {
    if (attempt.getDetails() instanceof WebAuthenticationDetails details) {
      return details.getRemoteAddress();
    }
    return "unknown";
  }
}
