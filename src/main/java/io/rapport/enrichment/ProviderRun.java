package io.rapport.enrichment;

import java.util.List;
import java.util.Locale;

/**
 * What one provider did in one enrichment of one user: for the console's test lookup, the tests and
 * the job's decision to run again.
 *
 * @param outcome null when the provider was not asked (it cannot find anything for the address)
 * @param findings what it found, whether stored or not
 * @param stored how many findings became new observations
 */
public record ProviderRun(
    String providerId,
    LookupOutcome outcome,
    boolean cacheHit,
    List<Finding> findings,
    int stored,
    LookupResult result) {

  public ProviderRun {
    findings = List.copyOf(findings);
  }

  /** {@code website: error (timeout)}, {@code clearbit: queued}, {@code email-domain: match}. */
  public String summary() {
    if (outcome == null) {
      return providerId + ": not asked";
    }
    String what = providerId + ": " + outcome.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    return result != null && result.reason() != null ? what + " (" + result.reason() + ")" : what;
  }

  static ProviderRun notAsked(String providerId) {
    return new ProviderRun(providerId, null, false, List.of(), 0, null);
  }
}
