package io.rapport.setup;

import java.util.List;

/**
 * Everything an import file declares, read and checked for shape, ready to be applied.
 *
 * @param file the file as it was named, for messages
 */
record ImportPlan(
    String file, List<PlannedAttribute> attributes, List<PlannedApplication> applications) {

  ImportPlan {
    attributes = List.copyOf(attributes);
    applications = List.copyOf(applications);
  }
}
