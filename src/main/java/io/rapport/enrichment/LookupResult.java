package io.rapport.enrichment;

import java.time.Duration;
import java.util.List;

/**
 * What a provider answered for one lookup.
 *
 * @param findings what it found, when it matched; empty otherwise
 * @param retryAfter when to ask again, for {@code QUEUED} and for errors worth retrying; else null
 * @param reason for errors: what went wrong, for operators, without personal data; else null
 */
public record LookupResult(
    LookupOutcome outcome, List<Finding> findings, Duration retryAfter, String reason) {

  public LookupResult {
    findings = List.copyOf(findings);
  }

  public static LookupResult match(List<Finding> findings) {
    return new LookupResult(LookupOutcome.MATCH, findings, null, null);
  }

  public static LookupResult noMatch() {
    return new LookupResult(LookupOutcome.NO_MATCH, List.of(), null, null);
  }

  public static LookupResult queued(Duration retryAfter) {
    return new LookupResult(LookupOutcome.QUEUED, List.of(), retryAfter, null);
  }

  /** A failure worth retrying later (a timeout, a 5xx, a 429), or never (retryAfter null). */
  public static LookupResult error(String reason, Duration retryAfter) {
    return new LookupResult(LookupOutcome.ERROR, List.of(), retryAfter, reason);
  }
}
