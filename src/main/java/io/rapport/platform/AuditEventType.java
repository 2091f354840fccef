package io.rapport.platform;

/** What the audit trail records. Stored by name: rename only with a migration. */
public enum AuditEventType {
  SIGNUP,
  LOGIN_SUCCEEDED,
  LOGIN_FAILED,
  LOGIN_LOCKED_OUT,
  LOGOUT,
  EMAIL_VERIFIED,
  PASSWORD_RESET_REQUESTED,
  PASSWORD_CHANGED,
  ADMIN_CREATED,
  ADMIN_CHANGE,
  APPLICATION_REGISTERED,
  SIGNING_KEY_ROTATED,
  IMPORT_APPLIED,
  /** An enrichment provider was disabled: its service refused the credentials. */
  ENRICHMENT_PROVIDER_DISABLED,
  /** An enrichment provider's monthly budget is spent; it is not asked until the month turns. */
  ENRICHMENT_BUDGET_SPENT,
  /** A user objected to being looked up, or withdrew consent. */
  ENRICHMENT_OBJECTED,
  /** A user agreed to being looked up on the account page, or took an objection back. */
  ENRICHMENT_AGREED
}
