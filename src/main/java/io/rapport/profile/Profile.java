package io.rapport.profile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What Rapport knows about one user: the attributes that have at least one observation.
 *
 * @param userId the user
 * @param values by attribute key, in catalog order
 */
public record Profile(String userId, Map<String, ProfileValue> values) {

  public Profile {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  static Profile empty(String userId) {
    return new Profile(userId, Map.of());
  }

  /** The effective value of an attribute, if the user has one. */
  public Optional<String> value(String attributeKey) {
    return Optional.ofNullable(values.get(attributeKey)).map(ProfileValue::value);
  }
}
