package io.rapport.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileValueTest {

  @Test
  void wholeNumbersAreLongs() {
    assertThat(value(ValueType.NUMBER, "250").typedValue()).isEqualTo(250L);
  }

  @Test
  void fractionsAndHugeNumbersAreBigDecimals() {
    assertThat(value(ValueType.NUMBER, "12.5").typedValue()).isEqualTo(new BigDecimal("12.5"));
    assertThat(value(ValueType.NUMBER, "99999999999999999999").typedValue())
        .isEqualTo(new BigDecimal("99999999999999999999"));
  }

  @Test
  void booleansAreBooleans() {
    assertThat(value(ValueType.BOOLEAN, "true").typedValue()).isEqualTo(true);
    assertThat(value(ValueType.BOOLEAN, "false").typedValue()).isEqualTo(false);
  }

  @Test
  void otherTypesAreText() {
    assertThat(value(ValueType.COUNTRY, "DE").typedValue()).isEqualTo("DE");
    assertThat(value(ValueType.DATE, "2024-03-31").typedValue()).isEqualTo("2024-03-31");
  }

  @Test
  void valueIsTheEffectiveObservationsValue() {
    assertThat(value(ValueType.TEXT, "Acme").value()).isEqualTo("Acme");
  }

  private static ProfileValue value(ValueType type, String value) {
    Attribute attribute = new Attribute("a", type, Sensitivity.PUBLIC, Map.of("en", "A"), false);
    Observation observation = new Observation(1, "u", "a", value, Source.USER, 1.0, Instant.EPOCH);
    return new ProfileValue(attribute, observation, List.of(observation));
  }
}
