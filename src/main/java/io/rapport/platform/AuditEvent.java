package io.rapport.platform;

import java.time.Instant;

/**
 * One entry of the audit trail.
 *
 * @param actor who acted: a user id, a client id, or {@code system}
 * @param subjectUserId the user the event is about, if any
 * @param detail a short description without personal data or secrets
 */
public record AuditEvent(
    Instant occurredAt,
    AuditEventType type,
    String actor,
    String subjectUserId,
    String clientIp,
    String detail) {}
