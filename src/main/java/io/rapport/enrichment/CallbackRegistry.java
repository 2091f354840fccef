package io.rapport.enrichment;

import io.rapport.platform.Digests;
import io.rapport.platform.RapportProperties;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The lookups whose provider may answer later at a callback URL, in {@code enrichment_callback}.
 * Each URL holds the lookup's id and a random secret of {@value #SECRET_BYTES} bytes; only a
 * SHA-256 of the secret is stored, so the URL is the credential and the table does not give it
 * away. A row is OPEN while its answer may still come, and DONE once it came, by the callback or by
 * the job asking again: whichever is first wins, and the other finds the row DONE or the answer in
 * the cache.
 */
@Component
final class CallbackRegistry {

  /** The path under the base URL, followed by {@code {lookupId}/{secret}}. */
  static final String PATH = "/enrichment/callbacks/";

  static final int SECRET_BYTES = 32;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final Clock clock;
  private final WebhookProperties properties;
  private final String base;

  CallbackRegistry(
      JdbcClient jdbc, Clock clock, WebhookProperties properties, RapportProperties rapport) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.properties = properties;
    this.base = baseOf(properties.baseUrl() != null ? properties.baseUrl() : rapport.issuer());
  }

  /** Whether callback URLs can be given: only when Rapport knows the address it is reached at. */
  boolean available() {
    return base != null;
  }

  /**
   * Opens a callback for a lookup about to be asked, committed before the call so that an answer
   * that comes back quickly finds it.
   */
  Optional<Opened> open(String providerId, Subject subject, String subjectKey, String userId) {
    if (base == null) {
      return Optional.empty();
    }
    OffsetDateTime now = now();
    jdbc.sql("DELETE FROM enrichment_callback WHERE expires_at < ?").param(now).update();
    String lookupId = UUID.randomUUID().toString();
    byte[] secret = new byte[SECRET_BYTES];
    RANDOM.nextBytes(secret);
    String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    jdbc.sql(
            """
            INSERT INTO enrichment_callback (lookup_id, provider_id, subject_kind, subject_key,
              user_id, secret_hash, state, created_at, expires_at)
            VALUES (?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)""")
        .params(
            lookupId,
            providerId,
            subject.name(),
            subjectKey,
            userId,
            Digests.sha256Hex(encoded),
            now,
            now.plus(properties.expireAfter()))
        .update();
    return Optional.of(new Opened(lookupId, base + PATH + lookupId + "/" + encoded));
  }

  /** Forgets a callback whose lookup was answered in the call, or not made. */
  void discard(String lookupId) {
    jdbc.sql("DELETE FROM enrichment_callback WHERE lookup_id = ?").param(lookupId).update();
  }

  /** Marks every open callback of a subject done: its answer came, by whatever way. */
  void settle(String providerId, Subject subject, String subjectKey) {
    jdbc.sql(
            """
            UPDATE enrichment_callback SET state = 'DONE'
            WHERE provider_id = ? AND subject_kind = ? AND subject_key = ? AND state = 'OPEN'""")
        .params(providerId, subject.name(), subjectKey)
        .update();
  }

  /** The callback, locked for the rest of the transaction so that two answers do not both count. */
  Optional<Callback> lock(String lookupId) {
    return jdbc.sql(
            """
            SELECT lookup_id, provider_id, subject_kind, subject_key, user_id, secret_hash, state,
              created_at, expires_at
            FROM enrichment_callback WHERE lookup_id = ? FOR UPDATE""")
        .param(lookupId)
        .query(
            (row, number) ->
                new Callback(
                    row.getString("lookup_id"),
                    row.getString("provider_id"),
                    Subject.valueOf(row.getString("subject_kind")),
                    row.getString("subject_key"),
                    row.getString("user_id"),
                    row.getString("secret_hash"),
                    "DONE".equals(row.getString("state")),
                    row.getObject("created_at", OffsetDateTime.class).toInstant(),
                    row.getObject("expires_at", OffsetDateTime.class).toInstant()))
        .optional();
  }

  private OffsetDateTime now() {
    return Instant.now(clock).atOffset(ZoneOffset.UTC);
  }

  /** The base without a trailing slash; null when it is not an absolute http(s) URL. */
  private static String baseOf(String configured) {
    if (configured == null || configured.isBlank()) {
      return null;
    }
    String trimmed = configured.strip().replaceAll("/+$", "");
    try {
      URI uri = new URI(trimmed);
      boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
      if (!web || uri.getHost() == null || uri.getRawQuery() != null) {
        throw new IllegalArgumentException(
            "rapport.enrichment.webhooks.base-url: '"
                + configured
                + "' is not an absolute http or https URL without a query");
      }
      return trimmed;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "rapport.enrichment.webhooks.base-url: '" + configured + "' is not a URL", e);
    }
  }

  /** A callback just opened: its lookup's id and the URL to give the provider. */
  record Opened(String lookupId, String url) {}

  /** A stored callback. */
  record Callback(
      String lookupId,
      String providerId,
      Subject subject,
      String subjectKey,
      String userId,
      String secretHash,
      boolean done,
      Instant createdAt,
      Instant expiresAt) {

    /** Whether the secret is this callback's, compared in constant time. */
    boolean holds(String secret) {
      byte[] given = Digests.sha256Hex(secret).getBytes(StandardCharsets.US_ASCII);
      return MessageDigest.isEqual(given, secretHash.getBytes(StandardCharsets.US_ASCII));
    }
  }
}
