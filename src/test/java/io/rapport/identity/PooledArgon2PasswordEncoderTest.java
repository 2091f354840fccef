package io.rapport.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

class PooledArgon2PasswordEncoderTest {

  private static final String PASSWORD = "correct horse battery staple";
  private static final String OTHER_PASSWORD = "correct horse battery stapler";

  /** Rapport's default cost, as PasswordHashing builds it. */
  private final PooledArgon2PasswordEncoder pooled =
      new PooledArgon2PasswordEncoder(16, 32, 1, 7168, 5, 2);

  private final Argon2PasswordEncoder spring = new Argon2PasswordEncoder(16, 32, 1, 7168, 5);

  @Test
  void hashesOfSpringsEncoderVerify() {
    String hash = spring.encode(PASSWORD);

    assertThat(pooled.matches(PASSWORD, hash)).isTrue();
    assertThat(pooled.matches(OTHER_PASSWORD, hash)).isFalse();
  }

  @Test
  void springsEncoderVerifiesItsHashes() {
    String hash = pooled.encode(PASSWORD);

    assertThat(spring.matches(PASSWORD, hash)).isTrue();
    assertThat(spring.matches(OTHER_PASSWORD, hash)).isFalse();
  }

  @Test
  void newHashesHaveSpringsFormatAndAFreshSalt() {
    String hash = pooled.encode(PASSWORD);

    assertThat(hash)
        .matches("\\$argon2id\\$v=19\\$m=7168,t=5,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    assertThat(pooled.encode(PASSWORD)).isNotEqualTo(hash);
    assertThat(pooled.matches(PASSWORD, hash)).isTrue();
  }

  /** The examples of the reference implementation (github.com/P-H-C/phc-winner-argon2). */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
        "$argon2i$v=19$m=65536,t=2,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG"
      })
  void referenceHashesVerifyWhateverTheirCostsTypeAndLength(String reference) {
    PooledArgon2PasswordEncoder small = new PooledArgon2PasswordEncoder(16, 32, 1, 1024, 2, 1);

    assertThat(small.matches("password", reference)).isTrue();
    assertThat(small.matches("passwore", reference)).isFalse();
    assertThat(spring.matches("password", reference)).isTrue();
  }

  @Test
  void hashesOfOtherCostsVerifyBothWays() {
    Argon2PasswordEncoder springOther = new Argon2PasswordEncoder(16, 32, 2, 4096, 3);
    PooledArgon2PasswordEncoder pooledOther =
        new PooledArgon2PasswordEncoder(16, 32, 2, 4096, 3, 1);

    assertThat(pooled.matches(PASSWORD, springOther.encode(PASSWORD))).isTrue();
    assertThat(springOther.matches(PASSWORD, pooledOther.encode(PASSWORD))).isTrue();
    assertThat(pooledOther.matches(PASSWORD, pooled.encode(PASSWORD))).isTrue();
  }

  @Test
  void upgradeIsAskedForWeakerHashesOnlyAsSpringDoes() {
    String weaker = new Argon2PasswordEncoder(16, 32, 1, 4096, 5).encode(PASSWORD);
    String fewerPasses = new Argon2PasswordEncoder(16, 32, 1, 7168, 3).encode(PASSWORD);
    String stronger = new Argon2PasswordEncoder(16, 32, 1, 9216, 6).encode(PASSWORD);
    String same = spring.encode(PASSWORD);

    for (String hash : List.of(weaker, fewerPasses, stronger, same)) {
      assertThat(pooled.upgradeEncoding(hash)).isEqualTo(spring.upgradeEncoding(hash));
    }
    assertThat(pooled.upgradeEncoding(weaker)).isTrue();
    assertThat(pooled.upgradeEncoding(same)).isFalse();
  }

  @Test
  void concurrentHashesBeyondThePoolAllVerifyAndThePoolStaysBounded() throws Exception {
    String stored = spring.encode(PASSWORD);
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> checks = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String password = i % 2 == 0 ? PASSWORD : OTHER_PASSWORD;
        checks.add(threads.submit(() -> pooled.matches(password, stored)));
      }
      for (int i = 0; i < checks.size(); i++) {
        assertThat(checks.get(i).get()).isEqualTo(i % 2 == 0);
      }
    } finally {
      threads.shutdown();
    }
    assertThat(pooled.pooledMemories()).isBetween(1, 2);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not a hash",
        "$argon2id$v=19$m=7168,t=5$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
        "$argon2id$v=19$t=5,m=7168,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
        "$argon2x$v=19$m=7168,t=5,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
        "$argon2id$v=18$m=7168,t=5,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
        "$argon2id$v=19$m=7168,t=5,p=1$c29tZXNhbHQ$not*base64",
        "$argon2id$v=19$m=7168,t=5,p=1$c29tZXNhbHQ"
      })
  void malformedHashesDoNotMatch(String malformed) {
    assertThat(pooled.matches(PASSWORD, malformed)).isFalse();
  }

  @Test
  void malformedHashesAreReportedOnUpgradeAsSpringDoes() {
    assertThatIllegalArgumentException().isThrownBy(() -> pooled.upgradeEncoding("not a hash"));
  }

  @Test
  void emptyInputIsHandledAsSpringDoes() {
    String hash = pooled.encode(PASSWORD);

    assertThat(pooled.encode(null)).isNull();
    assertThat(pooled.matches(null, hash)).isFalse();
    assertThat(pooled.matches("", hash)).isFalse();
    assertThat(pooled.matches(PASSWORD, null)).isFalse();
    assertThat(pooled.matches(PASSWORD, "")).isFalse();
    assertThat(pooled.upgradeEncoding(null)).isFalse();
  }

  @Test
  void aMissingVersionIsReadAsSpringReadsIt() {
    String hash = spring.encode(PASSWORD);
    String withoutVersion = hash.replace("$v=19", "");

    assertThat(pooled.matches(PASSWORD, withoutVersion))
        .isEqualTo(spring.matches(PASSWORD, withoutVersion))
        .isTrue();
  }
}
