package io.rapport.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class PasswordHashingTest {

  private static final String PASSWORD = "correct horse battery staple";

  private final PasswordEncoder encoder =
      new PasswordHashing().passwordEncoder(IdentitySettings.defaults());

  @Test
  void newHashesAreArgon2idWithTheConfiguredCosts() {
    String hash = encoder.encode(PASSWORD);

    assertThat(hash).startsWith("{argon2}$argon2id$v=19$m=7168,t=5,p=1$");
    assertThat(encoder.matches(PASSWORD, hash)).isTrue();
    assertThat(encoder.matches("correct horse battery stapler", hash)).isFalse();
    assertThat(encoder.upgradeEncoding(hash)).isFalse();
    assertThat(encoder.encode(PASSWORD)).isNotEqualTo(hash);
  }

  @Test
  void hashMadeWithOtherCostsVerifiesAndAsksForAnUpgrade() {
    String cheaper = "{argon2}" + argon2(4096, 3, 1).encode(PASSWORD);
    String dearer = "{argon2}" + argon2(9216, 6, 1).encode(PASSWORD);

    assertThat(cheaper).contains("$m=4096,t=3,p=1$");
    assertThat(encoder.matches(PASSWORD, cheaper)).isTrue();
    assertThat(encoder.upgradeEncoding(cheaper)).isTrue();
    assertThat(encoder.matches(PASSWORD, dearer)).isTrue();
    assertThat(encoder.upgradeEncoding(dearer)).isTrue();
  }

  @Test
  void hashWithTheSameCostsFromAnotherEncoderNeedsNoUpgrade() {
    String same = "{argon2}" + argon2(7168, 5, 1).encode(PASSWORD);

    assertThat(encoder.upgradeEncoding(same)).isFalse();
  }

  @Test
  void bcryptHashesVerifyAndAskForAnUpgrade() {
    String bcrypt = "{bcrypt}" + new BCryptPasswordEncoder().encode(PASSWORD);

    assertThat(encoder.matches(PASSWORD, bcrypt)).isTrue();
    assertThat(encoder.matches("wrong password here", bcrypt)).isFalse();
    assertThat(encoder.upgradeEncoding(bcrypt)).isTrue();
  }

  @Test
  void operatorSettingsChooseTheCosts() {
    IdentityProperties.Password settings = new IdentityProperties.Password(12, 1024, 4096, 3, 2, 1);
    PasswordEncoder custom =
        new PasswordHashing().passwordEncoder(IdentitySettings.withPassword(settings));

    String hash = custom.encode(PASSWORD);

    assertThat(hash).startsWith("{argon2}$argon2id$v=19$m=4096,t=3,p=2$");
    assertThat(custom.upgradeEncoding(hash)).isFalse();
    assertThat(encoder.upgradeEncoding(hash)).isTrue();
    assertThat(encoder.matches(PASSWORD, hash)).isTrue();
  }

  private static PasswordEncoder argon2(int memoryKib, int iterations, int parallelism) {
    return PasswordHashing.argon2(
        new IdentityProperties.Password(12, 1024, memoryKib, iterations, parallelism, 0));
  }
}
