package io.rapport.enrichment;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
}
