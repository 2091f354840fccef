package io.rapport.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.RSAKey;
import io.rapport.platform.AuditEventType;
import io.rapport.platform.AuditLog;
import io.rapport.platform.RapportProperties;
import io.rapport.platform.SecretCipher;
import io.rapport.platform.testing.MutableClock;
import io.rapport.platform.testing.TestDatabase;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

class SigningKeysTest {

  private static final Instant START = Instant.parse("2026-03-01T08:00:00Z");
  private static final JWKSelector ALL = new JWKSelector(new JWKMatcher.Builder().build());

  private final MutableClock clock = new MutableClock(START);
  private final SecretCipher cipher = new SecretCipher(withMasterKey(randomKey()));

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void ensureActiveKeyMakesExactlyOneKey(TestDatabase database) {
    SigningKeys keys = keys(database);

    keys.ensureActiveKey();
    keys.ensureActiveKey();

    List<String> stored =
        jdbc(database).sql("SELECT kid FROM signing_key").query(String.class).list();
    assertThat(stored).containsExactly(keys.activeKeyId());
    assertThat(kids(keys.get(ALL, null))).containsExactly(keys.activeKeyId());
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void keysCannotBeReadBeforeOneExists(TestDatabase database) {
    SigningKeys keys = keys(database);

    assertThatIllegalStateException()
        .isThrownBy(keys::activeKeyId)
        .withMessageContaining("ensureActiveKey");
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void privateHalfIsStoredEncrypted(TestDatabase database) {
    SigningKeys keys = keys(database);
    keys.ensureActiveKey();
    RSAKey key = (RSAKey) keys.get(ALL, null).get(0);
    assertThat(key.isPrivate()).isTrue();

    String encrypted =
        jdbc(database)
            .sql("SELECT private_key_encrypted FROM signing_key")
            .query(String.class)
            .single();
    String published =
        jdbc(database).sql("SELECT public_jwk FROM signing_key").query(String.class).single();

    String privateExponent = key.getPrivateExponent().toString();
    assertThat(encrypted).startsWith("v1:").doesNotContain(privateExponent);
    assertThat(published).doesNotContain(privateExponent).doesNotContain("\"d\"");
    assertThat(cipher.decrypt(encrypted)).contains(privateExponent);
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void rotatedKeyStaysPublishedForTwoDays(TestDatabase database) {
    SigningKeys keys = keys(database);
    keys.ensureActiveKey();
    String old = keys.activeKeyId();
    clock.advance(Duration.ofMinutes(5));

    String fresh = keys.rotate("admin-id");

    assertThat(fresh).isNotEqualTo(old);
    assertThat(keys.activeKeyId()).isEqualTo(fresh);
    assertThat(kids(keys.get(ALL, null))).containsExactly(fresh, old);
    clock.advance(SigningKeys.RETIRED_KEYS_PUBLISHED.minusSeconds(1));
    assertThat(kids(keys.get(ALL, null))).containsExactly(fresh, old);
    clock.advance(Duration.ofMinutes(1));
    assertThat(kids(keys.get(ALL, null))).containsExactly(fresh);
    assertThat(keys.activeKeyId()).isEqualTo(fresh);
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void rotationIsAudited(TestDatabase database) {
    SigningKeys keys = keys(database);
    keys.ensureActiveKey();

    String fresh = keys.rotate("admin-id");

    List<String> events =
        jdbc(database)
            .sql("SELECT event_type || ' ' || actor || ' ' || detail FROM audit_event")
            .query(String.class)
            .list();
    assertThat(events)
        .containsExactly(AuditEventType.SIGNING_KEY_ROTATED + " admin-id new key " + fresh);
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void twoNodesAgreeOnTheActiveKeyOnceTheirCacheExpires(TestDatabase database) {
    SigningKeys first = keys(database);
    SigningKeys second = keys(database);
    first.ensureActiveKey();
    second.ensureActiveKey();
    String old = second.activeKeyId();
    assertThat(first.activeKeyId()).isEqualTo(old);
    clock.advance(Duration.ofSeconds(1));

    String fresh = first.rotate("admin-id");

    assertThat(first.activeKeyId()).isEqualTo(fresh);
    assertThat(second.activeKeyId()).isEqualTo(old);
    clock.advance(Duration.ofSeconds(31));
    assertThat(second.activeKeyId()).isEqualTo(fresh);
    assertThat(kids(second.get(ALL, null))).containsExactly(fresh, old);
  }

  private SigningKeys keys(TestDatabase database) {
    JdbcClient jdbc = jdbc(database);
    return new SigningKeys(jdbc, cipher, clock, new AuditLog(jdbc, clock));
  }

  private static List<String> kids(List<JWK> keys) {
    return keys.stream().map(JWK::getKeyID).toList();
  }

  private static JdbcClient jdbc(TestDatabase database) {
    return JdbcClient.create(database.dataSource());
  }

  static RapportProperties withMasterKey(String masterKey) {
    return new RapportProperties(Path.of("unused"), null, null, masterKey, null, null);
  }

  static String randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
