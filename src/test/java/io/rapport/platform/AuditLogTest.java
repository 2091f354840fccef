package io.rapport.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.platform.testing.MutableClock;
import io.rapport.platform.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

class AuditLogTest {

  private static final Instant START = Instant.parse("2026-03-01T08:00:00Z");
  private static final String JANE = "1b6f2c9e-0000-4000-8000-000000000001";
  private static final String JOHN = "1b6f2c9e-0000-4000-8000-000000000002";

  private final MutableClock clock = new MutableClock(START);

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void recordedEventIsReadBackWithEveryField(TestDatabase database) {
    AuditLog audit = audit(database);

    audit.record(AuditEventType.LOGIN_FAILED, AuditLog.SYSTEM, JANE, "192.0.2.10", "password");

    assertThat(audit.recentFor(JANE, List.of(), 10))
        .containsExactly(
            new AuditEvent(
                START, AuditEventType.LOGIN_FAILED, "system", JANE, "192.0.2.10", "password"));
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void recentForListsOneUsersEventsNewestFirst(TestDatabase database) {
    AuditLog audit = audit(database);
    audit.record(AuditEventType.SIGNUP, JANE, JANE, null, null);
    clock.advance(Duration.ofMinutes(1));
    audit.record(AuditEventType.LOGIN_SUCCEEDED, JANE, JANE, null, null);
    audit.record(AuditEventType.LOGIN_FAILED, AuditLog.SYSTEM, JOHN, null, null);
    audit.record(AuditEventType.LOGOUT, JANE, JANE, null, null);
    clock.advance(Duration.ofMinutes(1));
    audit.record(AuditEventType.PASSWORD_CHANGED, JANE, JANE, null, "reset link");

    assertThat(types(audit.recentFor(JANE, List.of(), 10)))
        .containsExactly(
            AuditEventType.PASSWORD_CHANGED,
            AuditEventType.LOGOUT,
            AuditEventType.LOGIN_SUCCEEDED,
            AuditEventType.SIGNUP);
    assertThat(types(audit.recentFor(JOHN, List.of(), 10)))
        .containsExactly(AuditEventType.LOGIN_FAILED);
    assertThat(audit.recentFor("nobody", List.of(), 10)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void recentForKeepsOnlyTheTypesAskedFor(TestDatabase database) {
    AuditLog audit = audit(database);
    audit.record(AuditEventType.SIGNUP, JANE, JANE, null, null);
    clock.advance(Duration.ofMinutes(1));
    audit.record(AuditEventType.LOGIN_FAILED, AuditLog.SYSTEM, JANE, null, null);
    clock.advance(Duration.ofMinutes(1));
    audit.record(AuditEventType.LOGIN_SUCCEEDED, JANE, JANE, null, null);
    audit.record(AuditEventType.EMAIL_VERIFIED, JANE, JANE, null, null);

    List<AuditEventType> signIns =
        List.of(AuditEventType.LOGIN_SUCCEEDED, AuditEventType.LOGIN_FAILED);

    assertThat(types(audit.recentFor(JANE, signIns, 10)))
        .containsExactly(AuditEventType.LOGIN_SUCCEEDED, AuditEventType.LOGIN_FAILED);
    assertThat(types(audit.recentFor(JANE, List.of(AuditEventType.LOGOUT), 10))).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void recentForReturnsAtMostTheLimit(TestDatabase database) {
    AuditLog audit = audit(database);
    for (int i = 0; i < 5; i++) {
      audit.record(AuditEventType.LOGIN_SUCCEEDED, JANE, JANE, null, "attempt " + i);
      clock.advance(Duration.ofSeconds(1));
    }

    List<AuditEvent> recent = audit.recentFor(JANE, List.of(), 2);

    assertThat(recent).extracting(AuditEvent::detail).containsExactly("attempt 4", "attempt 3");
    assertThat(recent.get(0).occurredAt()).isEqualTo(START.plusSeconds(4));
  }

  private AuditLog audit(TestDatabase database) {
    return new AuditLog(JdbcClient.create(database.dataSource()), clock);
  }

  private static List<AuditEventType> types(List<AuditEvent> events) {
    return events.stream().map(AuditEvent::type).toList();
  }
}
