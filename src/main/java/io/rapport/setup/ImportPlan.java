package io.rapport.setup;

import java.util.List;

/**
 * Everything an import file declares, read and checked for shape, ready to be applied.
 *
 * @param file the file as it was named, for messages
 * @param profiling the progressive profiling plan; null when the file has no such section, which
 *     leaves the stored plan as it is
 */
record ImportPlan(
    String file,
    List<PlannedAttribute> attributes,
    List<PlannedApplication> applications,
    PlannedProfiling profiling) {

  ImportPlan {
    attributes = List.copyOf(attributes);
    applications = List.copyOf(applications);
  }
}
