package io.rapport.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The audit trail: sign-ups, sign-ins, failures, lockouts, password changes and admin changes, kept
 * in the database apart from the technical log.
 */
@Component
public final class AuditLog {

  public static final String SYSTEM = "system";

  private final JdbcClient jdbc;
  private final Clock clock;

  public AuditLog(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public void record(
      AuditEventType type, String actor, String subjectUserId, String clientIp, String detail) {
    jdbc.sql(
            """
            INSERT INTO audit_event
              (occurred_at, event_type, actor, subject_user_id, client_ip, detail)
            VALUES (?, ?, ?, ?, ?, ?)""")
        .params(
            Instant.now(clock).atOffset(ZoneOffset.UTC),
            type.name(),
            actor,
            subjectUserId,
            clientIp,
            detail)
        .update();
  }

  /** The newest events about one user, newest first, optionally of the given types only. */
  public List<AuditEvent> recentFor(String userId, List<AuditEventType> types, int limit) {
    List<String> names = types.stream().map(Enum::name).toList();
    return jdbc.sql(
            """
            SELECT occurred_at, event_type, actor, subject_user_id, client_ip, detail
            FROM audit_event
            WHERE subject_user_id = :user AND (:all OR event_type IN (:types))
            ORDER BY occurred_at DESC, id DESC
            FETCH FIRST :limit ROWS ONLY""")
        .param("user", userId)
        .param("all", names.isEmpty())
        .param("types", names.isEmpty() ? List.of("") : names)
        .param("limit", limit)
        .query(
            (rs, row) ->
                new AuditEvent(
                    rs.getObject("occurred_at", java.time.OffsetDateTime.class).toInstant(),
                    AuditEventType.valueOf(rs.getString("event_type")),
                    rs.getString("actor"),
                    rs.getString("subject_user_id"),
                    rs.getString("client_ip"),
                    rs.getString("detail")))
        .list();
  }
}
