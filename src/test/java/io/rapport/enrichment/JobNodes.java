package io.rapport.enrichment;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Enrichment job runners started by a test, as the nodes of a cluster would run them: the
 * application contexts of the tests queue jobs but do not run them.
 */
final class JobNodes implements AutoCloseable {

  private final List<EnrichmentJobs> nodes = new ArrayList<>();

  static EnrichmentProperties running(EnrichmentProperties defaults) {
    return new EnrichmentProperties(
        true,
        2,
        Duration.ofMillis(100),
        defaults.wantedAttributes(),
        defaults.enoughConfidence(),
        Duration.ofSeconds(1),
        defaults.maxTries(),
        defaults.refreshAfter(),
        defaults.rateLimitWait(),
        EnrichmentBasis.LEGITIMATE_INTEREST,
        List.of());
  }

  /** Settings for a part of enrichment tested alone, with this rate-limit wait. */
  static EnrichmentProperties withRateLimitWait(Duration wait) {
    return new EnrichmentProperties(
        true,
        2,
        Duration.ofMillis(100),
        List.of("company_name", "company_size"),
        0.8,
        Duration.ofSeconds(1),
        5,
        Duration.ofDays(90),
        wait,
        EnrichmentBasis.LEGITIMATE_INTEREST,
        List.of());
  }

  JobNodes start(
      int count,
      DataSource dataSource,
      EnrichmentPipeline pipeline,
      EnrichmentProperties defaults) {
    for (int i = 0; i < count; i++) {
      EnrichmentJobs node =
          new EnrichmentJobs(
              dataSource,
              pipeline,
              running(defaults),
              Clock.systemUTC(),
              new JobFailures(JdbcClient.create(dataSource), Clock.systemUTC()));
      node.start();
      nodes.add(node);
    }
    return this;
  }

  @Override
  public void close() {
    nodes.forEach(EnrichmentJobs::stop);
  }
}
