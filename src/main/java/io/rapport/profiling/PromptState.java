package io.rapport.profiling;

/** Where a prompt stands. Stored by name: rename only with a migration. */
public enum PromptState {
  /** Shown, waiting for the user. */
  OPEN,
  /** Submitted with answers; questions left empty were skipped. */
  ANSWERED,
  /** Skipped in one click. */
  SKIPPED,
  /** Neither answered nor skipped when the next prompt for the user was made. */
  ABANDONED
}
