package io.rapport.setup;

import java.util.List;

/**
 * Everything an import file declares, read and checked for shape, ready to be applied.
 *
 * @param file the file as it was named, for messages
 * @param profiling the progressive profiling plan; null when the file has no such section, which
 *     leaves the stored plan as it is
 * @param providers the enrichment providers in waterfall order; null when the file has no {@code
 *     enrichment.providers}, which leaves the stored providers as they are
 * @param consent the enrichment basis and excluded regions; each null when the file does not say
 */
record ImportPlan(
    String file,
    List<PlannedAttribute> attributes,
    List<PlannedApplication> applications,
    PlannedProfiling profiling,
    PlannedProviders providers,
    PlannedConsent consent) {

  ImportPlan {
    attributes = List.copyOf(attributes);
    applications = List.copyOf(applications);
  }

  /** A plan of a file that declares nothing. */
  static ImportPlan empty(String file) {
    return new ImportPlan(file, List.of(), List.of(), null, null, new PlannedConsent(null, null));
  }
}
