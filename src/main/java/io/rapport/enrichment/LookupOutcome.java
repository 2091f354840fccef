package io.rapport.enrichment;

/** What came of a lookup, as the accounting records it. */
public enum LookupOutcome {
  /** The provider knew the subject; the findings say what it knew. */
  MATCH,
  /** The provider does not know the subject. */
  NO_MATCH,
  /** The provider is still looking (an asynchronous API): ask again later. */
  QUEUED,
  /** The provider could not be asked, or answered with something unusable. */
  ERROR
}
