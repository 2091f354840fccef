package io.rapport.identity;

import java.time.Duration;

/** {@link IdentityProperties} as Spring binds them with no setting given, for tests by hand. */
final class IdentitySettings {

  static final IdentityProperties.Password PASSWORD =
      new IdentityProperties.Password(12, 1024, 7168, 5, 1, 0);

  static final IdentityProperties.BruteForce BRUTE_FORCE =
      new IdentityProperties.BruteForce(
          true, 5, Duration.ofSeconds(1), Duration.ofMinutes(15), 100, 50, Duration.ofMinutes(10));

  private IdentitySettings() {}

  static IdentityProperties defaults() {
    return withBruteForce(BRUTE_FORCE);
  }

  static IdentityProperties withBruteForce(IdentityProperties.BruteForce bruteForce) {
    return new IdentityProperties(
        false,
        PASSWORD,
        bruteForce,
        new IdentityProperties.Links(Duration.ofDays(2), Duration.ofMinutes(30)),
        new IdentityProperties.Tokens(
            Duration.ofMinutes(10), Duration.ofDays(30), Duration.ofMinutes(2)));
  }

  static IdentityProperties withPassword(IdentityProperties.Password password) {
    IdentityProperties defaults = defaults();
    return new IdentityProperties(
        defaults.requireEmailVerification(),
        password,
        defaults.bruteForce(),
        defaults.links(),
        defaults.tokens());
  }
}
