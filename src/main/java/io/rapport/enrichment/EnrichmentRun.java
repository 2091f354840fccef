package io.rapport.enrichment;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What one enrichment of one user did, provider by provider.
 *
 * @param complete whether every wanted attribute was known with enough confidence at the end
 */
public record EnrichmentRun(String userId, List<ProviderRun> providers, boolean complete) {

  public EnrichmentRun {
    providers = List.copyOf(providers);
  }

  /** The soonest a provider asked to be asked again (queued, or a failure worth retrying). */
  public Optional<Duration> retryAfter() {
    return providers.stream()
        .map(ProviderRun::result)
        .filter(Objects::nonNull)
        .map(LookupResult::retryAfter)
        .filter(Objects::nonNull)
        .min(Duration::compareTo);
  }

  /**
   * Why the enrichment is not finished, provider by provider, for the console's list of jobs:
   * {@code website: error (timeout); clearbit: queued}. Empty when no provider asked to come back.
   */
  public String unfinishedReasons() {
    return providers.stream()
        .filter(run -> run.result() != null && run.result().retryAfter() != null)
        .map(ProviderRun::summary)
        .collect(Collectors.joining("; "));
  }
}
