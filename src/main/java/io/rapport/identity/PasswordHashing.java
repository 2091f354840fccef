package io.rapport.identity;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The password encoder for users and client secrets: Argon2id at the configured cost, at most one
 * hash per core at a time, and stored hashes of other settings upgraded at the next login.
 */
@Configuration(proxyBeanMethods = false)
class PasswordHashing {

  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;

  @Bean
  PasswordEncoder passwordEncoder(IdentityProperties properties) {
    IdentityProperties.Password settings = properties.password();
    int permits =
        settings.concurrentHashes() > 0
            ? settings.concurrentHashes()
            : Runtime.getRuntime().availableProcessors();
    PasswordEncoder argon2 = new ExactSettings(pooledArgon2(settings, permits), settings);
    Map<String, PasswordEncoder> encoders =
        Map.of(
            "argon2", new BoundedPasswordEncoder(argon2, permits),
            "bcrypt", new BoundedPasswordEncoder(new BCryptPasswordEncoder(), permits));
    return new DelegatingPasswordEncoder("argon2", encoders);
  }

  /**
   * Rapport's Argon2 encoder: the same hashes as {@link #argon2}'s, with one hash's memory kept for
   * each hash that may run at once.
   */
  static PasswordEncoder pooledArgon2(IdentityProperties.Password settings, int concurrentHashes) {
    return new PooledArgon2PasswordEncoder(
        SALT_BYTES,
        HASH_BYTES,
        settings.parallelism(),
        settings.memoryKib(),
        settings.iterations(),
        concurrentHashes);
  }

  /** Spring's own Argon2 encoder at the configured cost; its hashes and Rapport's are the same. */
  static Argon2PasswordEncoder argon2(IdentityProperties.Password settings) {
    return new Argon2PasswordEncoder(
        SALT_BYTES,
        HASH_BYTES,
        settings.parallelism(),
        settings.memoryKib(),
        settings.iterations());
  }

  /**
   * Asks for a new hash whenever a stored hash was made with other costs than the current ones, in
   * either direction: Spring's own check upgrades only weaker hashes, but an operator who trades
   * memory for iterations wants every hash moved to the new setting.
   */
  static final class ExactSettings implements PasswordEncoder {

    private static final Pattern PARAMETERS =
        Pattern.compile("^\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$");

    private final PasswordEncoder delegate;
    private final String expected;

    ExactSettings(PasswordEncoder delegate, IdentityProperties.Password settings) {
      this.delegate = delegate;
      this.expected =
          settings.memoryKib() + "," + settings.iterations() + "," + settings.parallelism();
    }

    @Override
    public String encode(CharSequence rawPassword) {
      return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
      return delegate.matches(rawPassword, encodedPassword);
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
      Matcher matcher = PARAMETERS.matcher(encodedPassword);
      if (!matcher.find()) {
        return true;
      }
      String actual = matcher.group(1) + "," + matcher.group(2) + "," + matcher.group(3);
      return !actual.equals(expected);
    }
  }
}
