package io.rapport.profiling;

import java.util.List;

/**
 * When a question may be asked. Every rule given must hold; absent rules do not apply.
 *
 * @param moments the moments at which it may be asked; {@code login} when none is given
 * @param fromLogin at the {@code login} moment, from this login on (login 1 is the first sign-in
 *     after sign-up)
 * @param atLogin at the {@code login} moment, at exactly this login
 * @param afterDays once this many days have passed since sign-up
 * @param applications only when one of these applications (client ids) asks
 * @param condition only when another attribute has a value
 * @param ask whether a known but inferred value may be asked again
 * @param belowConfidence with {@link AskMode#LOW_CONFIDENCE}: the confidence below which an
 *     inferred value is asked again
 */
public record AskRules(
    List<String> moments,
    Integer fromLogin,
    Integer atLogin,
    Integer afterDays,
    List<String> applications,
    Condition condition,
    AskMode ask,
    Double belowConfidence) {

  /** The threshold of {@link AskMode#LOW_CONFIDENCE} when none is given. */
  public static final double DEFAULT_BELOW_CONFIDENCE = 0.8;

  public static final AskRules AT_EVERY_LOGIN =
      new AskRules(null, null, null, null, null, null, null, null);

  public AskRules {
    moments = moments == null || moments.isEmpty() ? List.of(Moments.LOGIN) : List.copyOf(moments);
    applications = applications == null ? List.of() : List.copyOf(applications);
    ask = ask == null ? AskMode.UNKNOWN : ask;
    if (belowConfidence == null && ask == AskMode.LOW_CONFIDENCE) {
      belowConfidence = DEFAULT_BELOW_CONFIDENCE;
    }
  }
}
