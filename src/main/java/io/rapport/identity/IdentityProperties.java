package io.rapport.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of sign-up, sign-in and tokens.
 *
 * @param requireEmailVerification whether a user must verify the email address before an
 *     application receives tokens (RAPPORT_REQUIRE_EMAIL_VERIFICATION)
 * @param password how passwords are checked and hashed
 * @param bruteForce how repeated failed sign-ins are slowed down and stopped
 * @param links how long the links sent by mail stay valid
 * @param tokens lifetimes of the tokens issued to applications
 */
@ConfigurationProperties("rapport.identity")
public record IdentityProperties(
    @DefaultValue("false") boolean requireEmailVerification,
    @DefaultValue Password password,
    @DefaultValue BruteForce bruteForce,
    @DefaultValue Links links,
    @DefaultValue Tokens tokens) {

  /**
   * @param minLength the fewest characters a new password may have
   * @param maxLength the most characters a password may have (bounds hashing work)
   * @param memoryKib Argon2id memory cost in KiB (OWASP: 7168 with 5 iterations)
   * @param iterations Argon2id time cost
   * @param parallelism Argon2id lanes
   * @param concurrentHashes how many hashes may run at once, each keeping memoryKib of heap between
   *     hashes; 0 means one per CPU core
   */
  public record Password(
      @DefaultValue("12") int minLength,
      @DefaultValue("1024") int maxLength,
      @DefaultValue("7168") int memoryKib,
      @DefaultValue("5") int iterations,
      @DefaultValue("1") int parallelism,
      @DefaultValue("0") int concurrentHashes) {}

  /**
   * @param enabled whether the rules below apply
   * @param freeFailures failed attempts on one account before each further attempt is delayed
   * @param baseDelay the first delay; each further failure doubles it
   * @param maxDelay the longest delay between two attempts on one account
   * @param accountFailuresPerHour failed attempts one account accepts in any hour
   * @param ipFailures failed attempts from one IP address, on any accounts, within ipWindow
   * @param ipWindow the window over which ipFailures are counted
   */
  public record BruteForce(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("5") int freeFailures,
      @DefaultValue("1s") Duration baseDelay,
      @DefaultValue("15m") Duration maxDelay,
      @DefaultValue("100") int accountFailuresPerHour,
      @DefaultValue("50") int ipFailures,
      @DefaultValue("10m") Duration ipWindow) {}

  /**
   * @param emailVerification how long an email-verification link works
   * @param passwordReset how long a password-reset link works
   */
  public record Links(
      @DefaultValue("2d") Duration emailVerification,
      @DefaultValue("30m") Duration passwordReset) {}

  /**
   * @param accessToken lifetime of access tokens
   * @param refreshToken lifetime of refresh tokens (confidential clients only)
   * @param authorizationCode lifetime of authorization codes
   */
  public record Tokens(
      @DefaultValue("10m") Duration accessToken,
      @DefaultValue("30d") Duration refreshToken,
      @DefaultValue("2m") Duration authorizationCode) {}
}
