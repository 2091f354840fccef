package io.rapport.api;

import io.rapport.profile.Observation;
import io.rapport.profile.Profile;
import io.rapport.profile.ProfileValue;
import java.time.Instant;
import java.util.List;

/**
 * A profile with its provenance: for each known attribute, the effective value and every
 * observation behind it, newest first.
 */
record ProfileResource(String userId, List<AttributeValue> attributes) {

  static ProfileResource of(Profile profile) {
    return new ProfileResource(
        profile.userId(), profile.values().values().stream().map(AttributeValue::of).toList());
  }

  record AttributeValue(
      String key,
      String type,
      Object value,
      String source,
      double confidence,
      Instant observedAt,
      List<ObservationResource> observations) {

    static AttributeValue of(ProfileValue value) {
      Observation effective = value.effective();
      return new AttributeValue(
          value.attribute().key(),
          value.attribute().type().name().toLowerCase(java.util.Locale.ROOT),
          value.typedValue(),
          effective.source().id(),
          effective.confidence(),
          effective.observedAt(),
          value.observations().stream().map(ObservationResource::of).toList());
    }
  }

  record ObservationResource(String value, String source, double confidence, Instant observedAt) {

    static ObservationResource of(Observation observation) {
      return new ObservationResource(
          observation.value(),
          observation.source().id(),
          observation.confidence(),
          observation.observedAt());
    }
  }
}
