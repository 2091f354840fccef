package io.rapport.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.rapport.platform.AuditEventType;
import io.rapport.platform.AuditLog;
import io.rapport.platform.SecretCipher;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The token signing keys, kept in the database so that every node signs and verifies with the same
 * ones and a restart keeps them. The first start generates a key; nothing is committed.
 *
 * <p>The newest unretired key signs. Rotation adds a new key and retires the old ones; a retired
 * key stays published in the JWKS for {@link #RETIRED_KEYS_PUBLISHED} so that tokens it signed can
 * still be verified until they expire.
 */
@Component
public class SigningKeys implements JWKSource<SecurityContext> {

  static final Duration RETIRED_KEYS_PUBLISHED = Duration.ofDays(2);

  /** Keys are re-read this often, so that a rotation on one node reaches the others. */
  private static final Duration CACHE_TIME = Duration.ofSeconds(30);

  private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

  private final JdbcClient jdbc;
  private final SecretCipher cipher;
  private final Clock clock;
  private final AuditLog audit;
  private volatile Snapshot snapshot;

  SigningKeys(JdbcClient jdbc, SecretCipher cipher, Clock clock, AuditLog audit) {
    this.jdbc = jdbc;
    this.cipher = cipher;
    this.clock = clock;
    this.audit = audit;
  }

  @Override
  public List<JWK> get(JWKSelector selector, SecurityContext context) {
    return selector.select(current().keys());
  }

  /** The key id tokens are signed with now. */
  public String activeKeyId() {
    return current().activeKeyId();
  }

  /** Makes a new signing key; the previous ones are only published from now on. */
  @Transactional
  public String rotate(String actor) {
    Instant now = clock.instant();
    jdbc.sql("UPDATE signing_key SET retired_at = ? WHERE retired_at IS NULL")
        .param(now.atOffset(ZoneOffset.UTC))
        .update();
    String kid = insertNewKey(now);
    audit.record(AuditEventType.SIGNING_KEY_ROTATED, actor, null, null, "new key " + kid);
    snapshot = null;
    return kid;
  }

  /** Generates the first key unless one exists; called at start-up. */
  @Transactional
  public void ensureActiveKey() {
    boolean hasActive =
        jdbc.sql("SELECT COUNT(*) FROM signing_key WHERE retired_at IS NULL")
                .query(Long.class)
                .single()
            > 0;
    if (!hasActive) {
      String kid = insertNewKey(clock.instant());
      log.info("Generated the first token signing key {}", kid);
    }
  }

  private Snapshot current() {
    Snapshot cached = snapshot;
    Instant now = clock.instant();
    if (cached == null || cached.readAt().plus(CACHE_TIME).isBefore(now)) {
      cached = load(now);
      snapshot = cached;
    }
    return cached;
  }

  private Snapshot load(Instant now) {
    List<StoredKey> stored =
        jdbc.sql(
                """
                SELECT kid, private_key_encrypted, retired_at FROM signing_key
                WHERE retired_at IS NULL OR retired_at > ?
                ORDER BY created_at DESC""")
            .param(now.minus(RETIRED_KEYS_PUBLISHED).atOffset(ZoneOffset.UTC))
            .query(
                (rs, row) ->
                    new StoredKey(
                        rs.getString("kid"),
                        rs.getString("private_key_encrypted"),
                        rs.getObject("retired_at") == null))
            .list();
    if (stored.stream().noneMatch(StoredKey::active)) {
      throw new IllegalStateException("No active signing key: was ensureActiveKey() called?");
    }
    List<JWK> keys = new ArrayList<>();
    for (StoredKey key : stored) {
      keys.add(parse(cipher.decrypt(key.encryptedJwk())));
    }
    String active = stored.stream().filter(StoredKey::active).findFirst().orElseThrow().kid();
    return new Snapshot(new JWKSet(keys), active, now);
  }

  private String insertNewKey(Instant now) {
    RSAKey key = generate();
    jdbc.sql(
            """
            INSERT INTO signing_key
              (kid, algorithm, public_jwk, private_key_encrypted, created_at)
            VALUES (?, ?, ?, ?, ?)""")
        .params(
            key.getKeyID(),
            JWSAlgorithm.RS256.getName(),
            key.toPublicJWK().toJSONString(),
            cipher.encrypt(key.toJSONString()),
            now.atOffset(ZoneOffset.UTC))
        .update();
    return key.getKeyID();
  }

  private static RSAKey generate() {
    try {
      return new RSAKeyGenerator(2048)
          .keyID(UUID.randomUUID().toString())
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.RS256)
          .generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot generate an RSA key", e);
    }
  }

  private static JWK parse(String json) {
    try {
      return JWK.parse(json);
    } catch (ParseException e) {
      throw new IllegalStateException("A stored signing key is not a valid JWK", e);
    }
  }

  private record StoredKey(String kid, String encryptedJwk, boolean active) {}

  private record Snapshot(JWKSet keys, String activeKeyId, Instant readAt) {}
}
