package io.rapport.enrichment;

import java.time.Duration;

/**
 * An answer to one lookup, wherever it came from.
 *
 * @param result null when the provider was not called and will not be this time
 * @param skipped why the provider was not called; null when it was, or the cache answered
 * @param duration how long the answer took: the call's time, or the wait for another's call
 */
record Answer(LookupResult result, boolean cacheHit, String skipped, Duration duration) {

  static Answer called(LookupResult result, Duration duration) {
    return new Answer(result, false, null, duration);
  }

  static Answer cached(LookupResult result, Duration duration) {
    return new Answer(result, true, null, duration);
  }

  /** Not called, but worth asking later: an error with when to come back. */
  static Answer putOff(String reason, Duration retryAfter) {
    return new Answer(LookupResult.error(reason, retryAfter), false, reason, Duration.ZERO);
  }

  /** Not called, and not to be asked in this enrichment. */
  static Answer notCalled(String reason) {
    return new Answer(null, false, reason, Duration.ZERO);
  }

  /** Whether the provider or its cache answered: what the accounting records. */
  boolean answered() {
    return skipped == null;
  }
}
