package io.rapport.profile;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * The SQL of the observation table. Rows are inserted and read, never updated; they are deleted
 * only with the user, or all of one kind of source at once when the user objects to it.
 */
final class ObservationRepository {

  /**
   * Observations with their attributes and labels in one statement, so that a profile costs one
   * round trip however many attributes it has. Each observation comes once per label.
   */
  private static final String SELECT_WITH_ATTRIBUTES =
      """
      SELECT o.id, o.user_id, o.attribute_key, o.value_text, o.source, o.confidence,
             o.observed_at, a.value_type, a.sensitivity, a.builtin, l.language, l.label
      FROM observation o
      JOIN attribute a ON a.attribute_key = o.attribute_key
      LEFT JOIN attribute_label l ON l.attribute_key = o.attribute_key
      WHERE o.user_id IN (:users)""";

  private final JdbcClient jdbc;

  ObservationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Deletes the user's observations whose source starts with the prefix; how many. */
  int deleteBySourcePrefix(String userId, String prefix) {
    return jdbc.sql("DELETE FROM observation WHERE user_id = ? AND source LIKE ?")
        .params(userId, prefix + "%")
        .update();
  }

  /** Appends a checked and normalised observation. */
  Observation insert(NewObservation valid, Instant observedAt) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            """
            INSERT INTO observation
              (user_id, attribute_key, value_text, source, confidence, observed_at)
            VALUES (?, ?, ?, ?, ?, ?)""")
        .params(
            valid.userId(),
            valid.attributeKey(),
            valid.value(),
            valid.source().id(),
            BigDecimal.valueOf(valid.confidence()),
            observedAt.atOffset(ZoneOffset.UTC))
        .update(keys, "id");
    long id = keys.getKey().longValue();
    return new Observation(
        id,
        valid.userId(),
        valid.attributeKey(),
        valid.value(),
        valid.source(),
        valid.confidence(),
        observedAt);
  }

  /** Which of the given ids belong to existing users. */
  Set<String> existingUsers(Collection<String> userIds) {
    return new HashSet<>(
        jdbc.sql("SELECT id FROM user_account WHERE id IN (:ids)")
            .param("ids", userIds)
            .query(String.class)
            .list());
  }

  /** Every observation of the given users, and the attributes they belong to. */
  Stored findByUsers(Collection<String> userIds) {
    AttributeRows attributes = new AttributeRows();
    Map<Long, Observation> observations = new LinkedHashMap<>();
    jdbc.sql(SELECT_WITH_ATTRIBUTES)
        .param("users", userIds)
        .query(
            row -> {
              attributes.add(row);
              long id = row.getLong("id");
              if (!observations.containsKey(id)) {
                observations.put(id, observation(id, row));
              }
            });
    return new Stored(attributes.attributes(), new ArrayList<>(observations.values()));
  }

  private static Observation observation(long id, ResultSet row) throws SQLException {
    return new Observation(
        id,
        row.getString("user_id"),
        row.getString("attribute_key"),
        row.getString("value_text"),
        new Source(row.getString("source")),
        row.getBigDecimal("confidence").doubleValue(),
        row.getObject("observed_at", OffsetDateTime.class).toInstant());
  }

  /** Observations as read, with the attributes they refer to by key. */
  record Stored(Map<String, Attribute> attributes, List<Observation> observations) {}
}
