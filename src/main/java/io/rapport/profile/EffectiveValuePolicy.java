package io.rapport.profile;

import java.util.Comparator;
import java.util.List;

/**
 * Chooses the effective value of one attribute among a user's observations of it.
 *
 * <ol>
 *   <li>A declared value (source {@code user} or {@code admin}: a person stated it) beats every
 *       inferred value (enrichment, action, import), whatever the inferred value's confidence.
 *   <li>Among declared values the newest wins, so that a user who changes an answer is believed.
 *   <li>Among inferred values the highest confidence wins, then the newest.
 *   <li>Any remaining tie goes to the highest id, the observation recorded last.
 * </ol>
 *
 * <p>Choosing never removes anything: every observation stays stored and is listed in the profile's
 * history. {@code docs/profile.md} explains the rules with an example.
 */
final class EffectiveValuePolicy {

  /** Newest first: later time, then higher id for observations of the same instant. */
  static final Comparator<Observation> NEWEST_FIRST =
      Comparator.comparing(Observation::observedAt).thenComparingLong(Observation::id).reversed();

  private static final Comparator<Observation> BEST_FIRST =
      Comparator.comparing((Observation observation) -> !observation.source().declared())
          .thenComparing(EffectiveValuePolicy::rankingConfidence, Comparator.reverseOrder())
          .thenComparing(NEWEST_FIRST);

  private EffectiveValuePolicy() {}

  /** The observation whose value the profile shows; the list must not be empty. */
  static Observation effective(List<Observation> observations) {
    return observations.stream().min(BEST_FIRST).orElseThrow();
  }

  /** Declared values are ranked by time alone, so their confidence must not count. */
  private static double rankingConfidence(Observation observation) {
    return observation.source().declared() ? 1.0 : observation.confidence();
  }
}
