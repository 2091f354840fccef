package io.rapport.profile;

import static java.util.stream.Collectors.groupingBy;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds profiles from stored observations: groups them and lets the policy choose. */
final class ProfileAssembler {

  private ProfileAssembler() {}

  /** A profile for every requested user, in the order given; empty when nothing is known. */
  static Map<String, Profile> assemble(
      Collection<String> userIds, ObservationRepository.Stored stored) {
    Map<String, List<Observation>> byUser =
        stored.observations().stream().collect(groupingBy(Observation::userId));
    Map<String, Profile> profiles = new LinkedHashMap<>();
    for (String userId : userIds) {
      List<Observation> observations = byUser.getOrDefault(userId, List.of());
      profiles.put(userId, profile(userId, observations, stored.attributes()));
    }
    return profiles;
  }

  private static Profile profile(
      String userId, List<Observation> observations, Map<String, Attribute> attributes) {
    Map<String, List<Observation>> byAttribute =
        observations.stream().collect(groupingBy(Observation::attributeKey));
    Map<String, ProfileValue> values = new LinkedHashMap<>();
    byAttribute.keySet().stream()
        .map(attributes::get)
        .sorted(AttributeCatalog.ORDER)
        .forEach(attribute -> values.put(attribute.key(), value(attribute, byAttribute)));
    return new Profile(userId, values);
  }

  private static ProfileValue value(
      Attribute attribute, Map<String, List<Observation>> byAttribute) {
    List<Observation> history = byAttribute.get(attribute.key());
    return new ProfileValue(
        attribute,
        EffectiveValuePolicy.effective(history),
        history.stream().sorted(EffectiveValuePolicy.NEWEST_FIRST).toList());
  }
}
