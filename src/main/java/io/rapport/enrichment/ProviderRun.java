package io.rapport.enrichment;

import java.util.List;
import java.util.Locale;

/**
 * What one provider did in one enrichment of one user: for the console's test lookup, the tests and
 * the job's decision to run again.
 *
 * @param outcome null when the provider was not asked and will not be this time (it cannot find
 *     anything for the address, or its monthly budget is spent); {@code ERROR} when it was not
 *     asked but may be later (its circuit is open, or its rate limit allowed no call in time)
 * @param findings what it found, whether stored or not
 * @param stored how many findings became new observations
 * @param result what it answered, or what stood in for an answer; null when not asked
 * @param skipped why it was not called, when it was not; null when it was, or its cache answered
 */
public record ProviderRun(
    String providerId,
    LookupOutcome outcome,
    boolean cacheHit,
    List<Finding> findings,
    int stored,
    LookupResult result,
    String skipped) {

  static final String CANNOT_FIND = "cannot find anything for this address";

  public ProviderRun {
    findings = List.copyOf(findings);
  }

  /** {@code website: error (timeout)}, {@code clearbit: queued}, {@code email-domain: match}. */
  public String summary() {
    if (outcome == null) {
      return providerId + ": not asked" + (skipped == null ? "" : " (" + skipped + ")");
    }
    String what = providerId + ": " + outcome.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    return result != null && result.reason() != null ? what + " (" + result.reason() + ")" : what;
  }

  static ProviderRun notAsked(String providerId, String reason) {
    return new ProviderRun(providerId, null, false, List.of(), 0, null, reason);
  }
}
