package io.rapport.enrichment;

/** What a lookup asks about, and so what its result is cached by. */
public enum Subject {
  /** A person, looked up by email address; cached by a hash of the address. */
  PERSON,
  /** A company, looked up by the domain of the address; cached by the domain. */
  COMPANY
}
