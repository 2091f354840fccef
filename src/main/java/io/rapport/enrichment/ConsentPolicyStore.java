package io.rapport.enrichment;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The consent policy in force: what the import file declared, stored in {@code enrichment_policy}
 * so that every node reads the same, and for what it left out, this node's properties. Read at each
 * use (one statement by primary key), since another node may apply a new file at any time.
 */
@Component
public final class ConsentPolicyStore {

  private static final int ROW = 1;
  private static final Logger log = LoggerFactory.getLogger(ConsentPolicyStore.class);

  private final JdbcClient jdbc;
  private final EnrichmentProperties properties;
  private final Clock clock;

  ConsentPolicyStore(JdbcClient jdbc, EnrichmentProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.clock = clock;
  }

  /** The file's values win; the properties fill in what the file does not say. */
  public ConsentPolicy current() {
    Optional<Stored> stored =
        jdbc.sql("SELECT basis, excluded_regions FROM enrichment_policy WHERE id = ?")
            .param(ROW)
            .query(
                (row, number) ->
                    new Stored(row.getString("basis"), row.getString("excluded_regions")))
            .optional();
    String basis = stored.map(Stored::basis).orElse(null);
    String regions = stored.map(Stored::regions).orElse(null);
    return new ConsentPolicy(
        basis == null ? properties.basis() : EnrichmentBasis.of(basis).orElseThrow(),
        regions == null ? properties.excludedRegions() : split(regions),
        basis == null && regions == null ? "property" : "import");
  }

  /**
   * Stores what an import file declares; null for a setting it leaves out, which hands that setting
   * back to the properties. The import file's reader checked the values.
   */
  public void declare(EnrichmentBasis basis, List<String> excludedRegions) {
    for (String region : excludedRegions == null ? List.<String>of() : excludedRegions) {
      Regions.problem(region)
          .ifPresent(
              problem -> {
                throw new IllegalArgumentException(problem);
              });
    }
    jdbc.sql("DELETE FROM enrichment_policy WHERE id = ?").param(ROW).update();
    jdbc.sql(
            """
            INSERT INTO enrichment_policy (id, basis, excluded_regions, updated_at)
            VALUES (?, ?, ?, ?)""")
        .params(
            ROW,
            basis == null ? null : basis.written(),
            excludedRegions == null
                ? null
                : String.join(",", excludedRegions.stream().map(Regions::normalize).toList()),
            clock.instant().atOffset(ZoneOffset.UTC))
        .update();
  }

  /** One line of the policy in force, once the import file is applied and before requests. */
  @EventListener(ApplicationReadyEvent.class)
  void logPolicy() {
    ConsentPolicy policy = current();
    String line = "RAPPORT-ENRICH-072 Enrichment basis {}, excluded regions {} (from the {})";
    Object[] values = {
      policy.basis(),
      policy.excludedRegions().isEmpty() ? "none" : String.join(", ", policy.excludedRegions()),
      policy.origin().equals("import") ? "import file" : "properties"
    };
    // At INFO only when it differs from the default, so that a default start prints one line.
    if (policy.basis() != EnrichmentBasis.LEGITIMATE_INTEREST
        || !policy.excludedRegions().isEmpty()) {
      log.info(line, values);
    } else {
      log.debug(line, values);
    }
  }

  private static List<String> split(String regions) {
    return regions.isEmpty() ? List.of() : Arrays.asList(regions.split(","));
  }

  private record Stored(String basis, String regions) {}
}
