package io.rapport.enrichment;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of profile enrichment.
 *
 * @param enabled whether this node runs enrichment jobs (RAPPORT_ENRICHMENT_ENABLED); jobs are
 *     still queued when it does not, for the nodes that do
 * @param threads how many enrichment jobs this node runs at once
 * @param pollingInterval how often this node looks for jobs queued by other nodes or due again
 * @param wantedAttributes the attributes enrichment looks for: once each is known with {@code
 *     enoughConfidence}, no further provider is asked
 * @param enoughConfidence the confidence at which a wanted attribute counts as known
 * @param retryDelay how long after a failed or queued lookup the job runs again, doubling with each
 *     further try
 * @param maxTries how many times a job runs before it gives up on the providers that failed
 * @param refreshAfter a sign-in queues an enrichment when the user's last one is older than this; 0
 *     for never
 * @param rateLimitWait how long a lookup waits for its provider's rate limit to allow a call before
 *     it is put off, for the job to come back when the limit allows
 * @param basis on what basis users are looked up: {@code legitimate-interest} (everyone, unless
 *     they object) or {@code consent} (only users who agreed); the import file's {@code
 *     enrichment.basis} wins over it
 * @param excludedRegions regions whose users are never looked up: ISO 3166-1 alpha-2 codes, and
 *     {@code EU} or {@code EEA} for those groups; the import file's {@code
 *     enrichment.excluded-regions} wins over it
 */
@ConfigurationProperties("rapport.enrichment")
public record EnrichmentProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("4") int threads,
    @DefaultValue("10s") Duration pollingInterval,
    @DefaultValue({
          "company_name",
          "company_domain",
          "company_size",
          "industry",
          "job_title",
          "job_role",
          "seniority",
          "country"
        })
        List<String> wantedAttributes,
    @DefaultValue("0.8") double enoughConfidence,
    @DefaultValue("1m") Duration retryDelay,
    @DefaultValue("5") int maxTries,
    @DefaultValue("90d") Duration refreshAfter,
    @DefaultValue("30s") Duration rateLimitWait,
    @DefaultValue("legitimate-interest") EnrichmentBasis basis,
    @DefaultValue({}) List<String> excludedRegions) {

  /** A wrong region stops the start, naming the property and the code at fault. */
  public EnrichmentProperties {
    excludedRegions = excludedRegions == null ? List.of() : excludedRegions;
    for (String region : excludedRegions) {
      Regions.problem(region)
          .ifPresent(
              problem -> {
                throw new IllegalArgumentException(
                    "rapport.enrichment.excluded-regions: " + problem);
              });
    }
    excludedRegions = excludedRegions.stream().map(Regions::normalize).toList();
  }
}
