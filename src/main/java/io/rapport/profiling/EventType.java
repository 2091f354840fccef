package io.rapport.profiling;

/** What happened to one question of one prompt. Stored by name: rename only with a migration. */
public enum EventType {
  SHOWN,
  ANSWERED,
  SKIPPED,
  ABANDONED
}
