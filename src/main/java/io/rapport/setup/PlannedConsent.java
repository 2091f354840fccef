package io.rapport.setup;

import io.rapport.enrichment.EnrichmentBasis;
import io.rapport.enrichment.Regions;
import io.rapport.platform.yaml.Value;
import io.rapport.platform.yaml.YamlWalker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The consent keys of the {@code enrichment} section: {@code basis} and {@code excluded-regions}.
 * Stored at every start with a file; a key the file leaves out (null here) hands that setting back
 * to the node's property ({@code rapport.enrichment.basis}, {@code .excluded-regions}).
 *
 * @param basis null when the file does not say
 * @param excludedRegions normalised codes; null when the file does not say
 */
record PlannedConsent(EnrichmentBasis basis, List<String> excludedRegions) {

  static final String BASIS = "basis";
  static final String EXCLUDED_REGIONS = "excluded-regions";

  /**
   * @param section the keys of {@code enrichment}; null when the file has no such section
   */
  static PlannedConsent read(YamlWalker walker, Map<String, Node> section) {
    if (section == null) {
      return new PlannedConsent(null, null);
    }
    String path = PlannedProviders.ENRICHMENT + ".";
    EnrichmentBasis basis =
        walker
            .text(section.get(BASIS), path + BASIS)
            .flatMap(value -> basis(walker, value))
            .orElse(null);
    Node regions = section.get(EXCLUDED_REGIONS);
    List<String> excluded =
        regions == null || YamlWalker.isNull(regions)
            ? null
            : regions(walker, walker.texts(regions, path + EXCLUDED_REGIONS));
    return new PlannedConsent(basis, excluded);
  }

  private static Optional<EnrichmentBasis> basis(YamlWalker walker, Value value) {
    Optional<EnrichmentBasis> basis = EnrichmentBasis.of(value.text().strip());
    if (basis.isEmpty()) {
      walker.report(
          value.place(),
          "unknown basis '%s'; write legitimate-interest or consent".formatted(value.written()));
    }
    return basis;
  }

  private static List<String> regions(YamlWalker walker, List<Value> values) {
    List<String> regions = new ArrayList<>();
    for (Value value : values) {
      String region = Regions.normalize(value.text());
      Optional<String> problem = Regions.problem(value.text());
      if (problem.isPresent()) {
        // Quoting the value as the file writes it, never what a variable expanded to.
        walker.report(
            value.place(),
            problem.get().replace("'" + value.text() + "'", "'" + value.written() + "'"));
      } else if (!regions.contains(region)) {
        regions.add(region);
      }
    }
    return regions;
  }
}
