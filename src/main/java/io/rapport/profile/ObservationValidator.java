package io.rapport.profile;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.function.Function;

/**
 * Checks a new observation against the catalog and returns it normalised. Messages name the
 * attribute and what was expected, never the value: it may be personal data, and exception messages
 * end up in logs.
 */
final class ObservationValidator {

  /** The width of {@code user_account.id}. */
  private static final int MAX_USER_ID_LENGTH = 36;

  /** The scale of the {@code confidence} column. */
  private static final int CONFIDENCE_SCALE = 3;

  private final Function<String, Attribute> attributes;

  /**
   * @param attributes finds an attribute by key or throws {@link UnknownAttributeException}
   */
  ObservationValidator(Function<String, Attribute> attributes) {
    this.attributes = attributes;
  }

  NewObservation validate(NewObservation observation) {
    if (observation == null) {
      throw new InvalidObservationException("No observation given");
    }
    checkUserId(observation.userId());
    Attribute attribute = attribute(observation.attributeKey());
    Source source = source(observation, attribute);
    String value = value(observation.value(), attribute);
    double confidence = source.declared() ? 1.0 : confidence(observation, attribute);
    return new NewObservation(observation.userId(), attribute.key(), value, source, confidence);
  }

  private static void checkUserId(String userId) {
    if (userId == null || userId.isBlank()) {
      throw new InvalidObservationException("Observation names no user");
    }
    if (userId.length() > MAX_USER_ID_LENGTH) {
      throw new InvalidObservationException(
          "User id is longer than " + MAX_USER_ID_LENGTH + " characters");
    }
  }

  private Attribute attribute(String key) {
    if (key == null || key.isBlank()) {
      throw new InvalidObservationException("Observation names no attribute");
    }
    return attributes.apply(key);
  }

  private static Source source(NewObservation observation, Attribute attribute) {
    if (observation.source() == null) {
      throw new InvalidObservationException(
          "Observation of attribute '" + attribute.key() + "' has no source");
    }
    return observation.source();
  }

  private static String value(String raw, Attribute attribute) {
    String expected = ValueNormalizer.expectation(attribute.type());
    if (raw == null) {
      throw new InvalidObservationException(
          "Observation of attribute '%s' has no value; expected %s"
              .formatted(attribute.key(), expected));
    }
    return ValueNormalizer.normalize(attribute.type(), raw)
        .orElseThrow(
            () ->
                new InvalidObservationException(
                    "Attribute '%s' (%s) expects %s; the value given is not"
                        .formatted(attribute.key(), attribute.type().stored(), expected)));
  }

  /** Rounded to the column's scale, so that what is returned is what is stored. */
  private static double confidence(NewObservation observation, Attribute attribute) {
    double confidence = observation.confidence();
    if (!(confidence >= 0.0 && confidence <= 1.0)) {
      throw new InvalidObservationException(
          "Observation of attribute '%s' has confidence %s; expected a number from 0 to 1"
              .formatted(attribute.key(), confidence));
    }
    return BigDecimal.valueOf(confidence)
        .setScale(CONFIDENCE_SCALE, RoundingMode.HALF_UP)
        .doubleValue();
  }
}
