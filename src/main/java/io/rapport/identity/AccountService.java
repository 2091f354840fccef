package io.rapport.identity;

import io.rapport.identity.OneTimeTokens.Purpose;
import io.rapport.platform.AuditEventType;
import io.rapport.platform.AuditLog;
import io.rapport.platform.Mailer;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sign-up, email verification and password reset: what a user does to an account. */
@Service
public class AccountService {

  private static final Logger log = LoggerFactory.getLogger(AccountService.class);

  private final UserAccounts accounts;
  private final PasswordPolicy policy;
  private final PasswordEncoder encoder;
  private final OneTimeTokens tokens;
  private final Mailer mailer;
  private final MessageSource messages;
  private final AuditLog audit;
  private final IdentityProperties properties;
  private final ApplicationEventPublisher events;

  AccountService(
      UserAccounts accounts,
      PasswordPolicy policy,
      PasswordEncoder encoder,
      OneTimeTokens tokens,
      Mailer mailer,
      MessageSource messages,
      AuditLog audit,
      IdentityProperties properties,
      ApplicationEventPublisher events) {
    this.accounts = accounts;
    this.policy = policy;
    this.encoder = encoder;
    this.tokens = tokens;
    this.mailer = mailer;
    this.messages = messages;
    this.audit = audit;
    this.properties = properties;
    this.events = events;
  }

  /**
   * Creates an account and sends the verification link.
   *
   * @param baseUrl where links in the mail point, such as {@code https://id.example.com}
   * @throws RejectedInputException when the address or the password is not acceptable
   */
  @Transactional
  public UserAccount signUp(
      String email, String password, String baseUrl, Locale locale, String ip) {
    return signUp(email, password, baseUrl, locale, ip, account -> {});
  }

  /**
   * Creates an account, stores what else the sign-up form sent, and sends the verification link.
   *
   * @param alongside stores the form's other fields for the new account, in the same transaction
   *     and before any mail is sent: when it throws, no account is created
   * @throws RejectedInputException when the address or the password is not acceptable
   */
  @Transactional
  public UserAccount signUp(
      String email,
      String password,
      String baseUrl,
      Locale locale,
      String ip,
      Consumer<UserAccount> alongside) {
    String address = requireEmail(email);
    requireAcceptable(password);
    UserAccount account;
    try {
      account = accounts.create(address, encoder.encode(password), false, false);
    } catch (EmailTakenException e) {
      throw new RejectedInputException("signup.emailTaken");
    }
    audit.record(AuditEventType.SIGNUP, account.id(), account.id(), ip, null);
    alongside.accept(account);
    events.publishEvent(new AccountEvents.SignedUp(account.id()));
    sendVerification(account, baseUrl, locale);
    return account;
  }

  /** Sends a fresh verification link, unless the address is verified already. */
  @Transactional
  public void sendVerification(String userId, String baseUrl, Locale locale) {
    accounts
        .findById(userId)
        .filter(account -> !account.emailVerified())
        .ifPresent(account -> sendVerification(account, baseUrl, locale));
  }

  /** Marks the address verified if the token is valid; returns the user's id. */
  @Transactional
  public Optional<String> verifyEmail(String token) {
    Optional<String> userId = tokens.consume(token, Purpose.VERIFY_EMAIL);
    userId.ifPresent(
        id -> {
          accounts.markEmailVerified(id);
          audit.record(AuditEventType.EMAIL_VERIFIED, id, id, null, null);
          events.publishEvent(new AccountEvents.EmailVerified(id));
        });
    return userId;
  }

  /**
   * Sends a reset link if an account has this address. Says nothing either way, so that the page
   * cannot be used to find out who has an account.
   */
  @Transactional
  public void requestPasswordReset(String email, String baseUrl, Locale locale, String ip) {
    Optional<UserAccount> account = accounts.findByEmail(email);
    if (account.isEmpty()) {
      log.debug("Password reset asked for an address without an account");
      return;
    }
    String token =
        tokens.issue(
            account.get().id(), Purpose.RESET_PASSWORD, properties.links().passwordReset());
    String link = baseUrl + "/reset-password?token=" + token;
    long minutes = properties.links().passwordReset().toMinutes();
    send(account.get().email(), "mail.reset.subject", "mail.reset.body", locale, link, minutes);
    audit.record(
        AuditEventType.PASSWORD_RESET_REQUESTED, AuditLog.SYSTEM, account.get().id(), ip, null);
  }

  public boolean isResetTokenValid(String token) {
    return tokens.peek(token, Purpose.RESET_PASSWORD).isPresent();
  }

  /**
   * Sets a new password through a reset link. Following the link also proves the address, so it is
   * marked verified.
   */
  @Transactional
  public void resetPassword(String token, String newPassword, String ip) {
    requireAcceptable(newPassword);
    String userId =
        tokens
            .consume(token, Purpose.RESET_PASSWORD)
            .orElseThrow(() -> new RejectedInputException("reset.invalidLink"));
    accounts.updatePasswordHash(userId, encoder.encode(newPassword));
    accounts.markEmailVerified(userId);
    tokens.revokeAll(userId, Purpose.RESET_PASSWORD);
    audit.record(AuditEventType.PASSWORD_CHANGED, userId, userId, ip, "reset link");
  }

  /** Creates the first administrator unless one exists; returns whether it did. */
  @Transactional
  public boolean createFirstAdministrator(String email, String password) {
    if (accounts.anyAdministrator()) {
      return false;
    }
    String address = requireEmail(email);
    requireAcceptable(password);
    UserAccount admin = accounts.create(address, encoder.encode(password), true, true);
    audit.record(AuditEventType.ADMIN_CREATED, AuditLog.SYSTEM, admin.id(), null, "first start");
    return true;
  }

  private void sendVerification(UserAccount account, String baseUrl, Locale locale) {
    String token =
        tokens.issue(account.id(), Purpose.VERIFY_EMAIL, properties.links().emailVerification());
    String link = baseUrl + "/verify-email?token=" + token;
    long hours = properties.links().emailVerification().toHours();
    send(account.email(), "mail.verify.subject", "mail.verify.body", locale, link, hours);
  }

  private void send(String to, String subjectKey, String bodyKey, Locale locale, Object... args) {
    String subject = messages.getMessage(subjectKey, null, locale);
    String body = messages.getMessage(bodyKey, args, locale);
    mailer.send(to, subject, body);
  }

  private static String requireEmail(String email) {
    return EmailAddress.normalise(email)
        .orElseThrow(() -> new RejectedInputException("signup.invalidEmail"));
  }

  private void requireAcceptable(String password) {
    policy
        .check(password)
        .ifPresent(
            violation -> {
              throw new RejectedInputException(violation.messageKey(), violation.limit());
            });
  }
}
