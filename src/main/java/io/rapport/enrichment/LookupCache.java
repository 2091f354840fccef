package io.rapport.enrichment;

import io.rapport.platform.Digests;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers of providers kept in the database until they expire: a person's by a SHA-256 of the
 * address (the address itself is never stored here), a company's by its domain, so that a hundred
 * sign-ups from one company cost one company lookup. Matches and no-matches are kept; errors and
 * queued lookups are not.
 */
@Component
final class LookupCache {

  /** A no-match is asked again sooner than a match: providers learn of new people and firms. */
  private static final Duration NO_MATCH_AT_MOST = Duration.ofDays(7);

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JdbcClient jdbc;
  private final Clock clock;

  LookupCache(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** What the cache is keyed by for the provider's subject. */
  static String keyOf(Subject subject, Lookup lookup) {
    return subject == Subject.PERSON ? Digests.sha256Hex(lookup.email()) : lookup.domain();
  }

  Optional<LookupResult> find(String providerId, Subject subject, String key) {
    return jdbc.sql(
            """
            SELECT outcome, findings FROM enrichment_cache
            WHERE provider_id = ? AND subject_kind = ? AND subject_key = ? AND expires_at > ?""")
        .params(providerId, subject.name(), key, now())
        .query(
            (row, number) ->
                new LookupResult(
                    LookupOutcome.valueOf(row.getString("outcome")),
                    findings(row.getString("findings")),
                    null,
                    null))
        .optional();
  }

  /** Keeps a match or a no-match; anything else is not an answer worth keeping. */
  void store(String providerId, Subject subject, String key, LookupResult result, Duration ttl) {
    if (result.outcome() != LookupOutcome.MATCH && result.outcome() != LookupOutcome.NO_MATCH) {
      return;
    }
    Duration keep =
        result.outcome() == LookupOutcome.NO_MATCH && ttl.compareTo(NO_MATCH_AT_MOST) > 0
            ? NO_MATCH_AT_MOST
            : ttl;
    OffsetDateTime now = now();
    jdbc.sql(
            "DELETE FROM enrichment_cache WHERE provider_id = ? AND subject_kind = ? AND subject_key = ?")
        .params(providerId, subject.name(), key)
        .update();
    jdbc.sql(
            """
            INSERT INTO enrichment_cache
              (provider_id, subject_kind, subject_key, outcome, findings, fetched_at, expires_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)""")
        .params(
            providerId,
            subject.name(),
            key,
            result.outcome().name(),
            JSON.writeValueAsString(result.findings()),
            now,
            now.plus(keep))
        .update();
  }

  /** Forgets every cached answer about a person, for a user who objects to enrichment. */
  void forgetPerson(String email) {
    jdbc.sql("DELETE FROM enrichment_cache WHERE subject_kind = ? AND subject_key = ?")
        .params(Subject.PERSON.name(), Digests.sha256Hex(email))
        .update();
  }

  private static List<Finding> findings(String json) {
    List<Finding> findings = new ArrayList<>();
    for (Map<String, Object> item :
        JSON.readValue(json, new TypeReference<List<Map<String, Object>>>() {})) {
      findings.add(
          new Finding(
              (String) item.get("attribute"),
              (String) item.get("value"),
              ((Number) item.get("confidence")).doubleValue()));
    }
    return findings;
  }

  private OffsetDateTime now() {
    return Instant.now(clock).atOffset(ZoneOffset.UTC);
  }
}
