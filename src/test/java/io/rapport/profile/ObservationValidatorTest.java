package io.rapport.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ObservationValidatorTest {

  private static final Attribute PHONE =
      new Attribute(
          "phone_number", ValueType.PHONE, Sensitivity.SENSITIVE, Map.of("en", "Phone"), true);
  private static final Attribute SIZE =
      new Attribute(
          "company_size", ValueType.NUMBER, Sensitivity.PUBLIC, Map.of("en", "Size"), true);

  private final ObservationValidator validator =
      new ObservationValidator(
          key -> {
            Attribute attribute = Map.of(PHONE.key(), PHONE, SIZE.key(), SIZE).get(key);
            if (attribute == null) {
              throw new UnknownAttributeException(key);
            }
            return attribute;
          });

  @Test
  void valueIsNormalisedForItsType() {
    NewObservation valid =
        validator.validate(
            new NewObservation("u1", "phone_number", " +49 30 123456 ", Source.USER, 1.0));

    assertThat(valid.value()).isEqualTo("+4930123456");
  }

  @Test
  void declaredSourcesAlwaysGetFullConfidence() {
    NewObservation valid =
        validator.validate(new NewObservation("u1", "company_size", "250", Source.ADMIN, 0.3));

    assertThat(valid.confidence()).isEqualTo(1.0);
  }

  @Test
  void inferredConfidenceIsKeptToTheColumnsThreeDecimals() {
    NewObservation valid =
        validator.validate(
            new NewObservation("u1", "company_size", "250", Source.enrichment("x"), 0.87654));

    assertThat(valid.confidence()).isEqualTo(0.877);
  }

  @ParameterizedTest
  @ValueSource(doubles = {-0.01, 1.01, Double.NaN, Double.POSITIVE_INFINITY})
  void confidenceMustBeBetweenZeroAndOne(double confidence) {
    NewObservation observation =
        new NewObservation("u1", "company_size", "250", Source.IMPORT, confidence);

    assertThatThrownBy(() -> validator.validate(observation))
        .isInstanceOf(InvalidObservationException.class)
        .hasMessageContaining("'company_size'")
        .hasMessageContaining("expected a number from 0 to 1");
  }

  @Test
  void invalidValueIsNamedByAttributeAndExpectationButNeverRepeated() {
    NewObservation observation =
        new NewObservation("u1", "phone_number", "0301234567", Source.USER, 1.0);

    assertThatThrownBy(() -> validator.validate(observation))
        .isInstanceOf(InvalidObservationException.class)
        .hasMessageContaining("'phone_number'")
        .hasMessageContaining("E.164")
        .hasMessageNotContaining("0301234567");
  }

  @Test
  void unknownAttributeIsNamed() {
    NewObservation observation = new NewObservation("u1", "shoe_size", "44", Source.USER, 1.0);

    assertThatThrownBy(() -> validator.validate(observation))
        .isInstanceOf(UnknownAttributeException.class)
        .hasMessageContaining("'shoe_size'");
  }

  @Test
  void missingPartsAreNamed() {
    assertThatThrownBy(
            () -> validator.validate(new NewObservation(null, "company_size", "1", null, 1)))
        .hasMessageContaining("names no user");
    assertThatThrownBy(() -> validator.validate(new NewObservation("u1", null, "1", null, 1)))
        .hasMessageContaining("names no attribute");
    assertThatThrownBy(
            () -> validator.validate(new NewObservation("u1", "company_size", "1", null, 1)))
        .hasMessageContaining("has no source");
    assertThatThrownBy(
            () ->
                validator.validate(new NewObservation("u1", "company_size", null, Source.USER, 1)))
        .hasMessageContaining("has no value; expected a decimal number");
  }
}
