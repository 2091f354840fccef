package io.rapport.profile;

import java.util.List;
import java.util.Map;

/**
 * The selection benchmark's way to Rapport's package-private profile assembly, declared in
 * Rapport's own package as its unit tests are. It lives in bench/selection only.
 */
public final class SelectionBenchProfiles {

  private SelectionBenchProfiles() {}

  /**
   * The profile {@code ProfileService.profileOf} makes from the rows it read: observations grouped
   * by attribute, the effective one chosen by Rapport's precedence, the history sorted.
   */
  public static Profile assemble(
      String userId, Map<String, Attribute> attributes, List<Observation> observations) {
    ObservationRepository.Stored stored =
        new ObservationRepository.Stored(attributes, observations);
    return ProfileAssembler.assemble(List.of(userId), stored).get(userId);
  }
}
