package io.rapport.profile;

import java.math.BigDecimal;
import java.util.List;

/**
 * One attribute of a profile: the effective observation and the whole history behind it.
 *
 * @param attribute the attribute's definition
 * @param effective the observation chosen by precedence
 * @param observations every observation of the attribute for the user, newest first
 */
public record ProfileValue(
    Attribute attribute, Observation effective, List<Observation> observations) {

  public ProfileValue {
    observations = List.copyOf(observations);
  }

  /** The effective value as stored. */
  public String value() {
    return effective.value();
  }

  /**
   * The effective value as a token claim or JSON member wants it: a {@code Long} or {@code
   * BigDecimal} for numbers, a {@code Boolean} for booleans, the text otherwise.
   */
  public Object typedValue() {
    return switch (attribute.type()) {
      case NUMBER -> number(value());
      case BOOLEAN -> Boolean.valueOf(value());
      default -> value();
    };
  }

  private static Object number(String value) {
    BigDecimal number = new BigDecimal(value);
    try {
      return number.longValueExact();
    } catch (ArithmeticException notAWholeLong) {
      return number;
    }
  }
}
