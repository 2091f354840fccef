package io.rapport.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EffectiveValuePolicyTest {

  private static final Instant MONDAY = Instant.parse("2026-03-02T10:00:00Z");
  private static final Instant TUESDAY = MONDAY.plusSeconds(86_400);

  private static final Source CLEARBIT = Source.enrichment("clearbit");
  private static final Source HUNTER = Source.enrichment("hunter");

  @Test
  void declaredValueBeatsInferredValueOfHigherConfidence() {
    Observation answer = observation(1, Source.USER, 1.0, MONDAY);
    Observation enriched = observation(2, CLEARBIT, 1.0, TUESDAY);

    assertThat(EffectiveValuePolicy.effective(List.of(enriched, answer))).isEqualTo(answer);
  }

  @Test
  void declaredValueBeatsNewerInferredValue() {
    Observation answer = observation(1, Source.ADMIN, 1.0, MONDAY);
    Observation imported = observation(2, Source.IMPORT, 0.99, TUESDAY);

    assertThat(EffectiveValuePolicy.effective(List.of(answer, imported))).isEqualTo(answer);
  }

  @Test
  void newestDeclaredValueWinsWhenAUserChangesAnAnswer() {
    Observation first = observation(1, Source.USER, 1.0, MONDAY);
    Observation changed = observation(2, Source.USER, 1.0, TUESDAY);

    assertThat(EffectiveValuePolicy.effective(List.of(first, changed))).isEqualTo(changed);
  }

  @Test
  void userAndAdminCountAlikeSoTheNewestOfThemWins() {
    Observation admin = observation(1, Source.ADMIN, 1.0, TUESDAY);
    Observation user = observation(2, Source.USER, 1.0, MONDAY);

    assertThat(EffectiveValuePolicy.effective(List.of(user, admin))).isEqualTo(admin);
  }

  @Test
  void declaredConfidenceDoesNotCountAmongDeclaredValues() {
    Observation older = observation(1, Source.USER, 1.0, MONDAY);
    Observation newerStoredWithLowConfidence = observation(2, Source.USER, 0.2, TUESDAY);

    assertThat(EffectiveValuePolicy.effective(List.of(older, newerStoredWithLowConfidence)))
        .isEqualTo(newerStoredWithLowConfidence);
  }

  @Test
  void highestConfidenceWinsAmongInferredValuesEvenWhenOlder() {
    Observation sure = observation(1, CLEARBIT, 0.9, MONDAY);
    Observation unsure = observation(2, HUNTER, 0.6, TUESDAY);

    assertThat(EffectiveValuePolicy.effective(List.of(unsure, sure))).isEqualTo(sure);
  }

  @Test
  void newestWinsAmongInferredValuesOfEqualConfidence() {
    Observation older = observation(1, CLEARBIT, 0.8, MONDAY);
    Observation newer = observation(2, Source.action("Guess role"), 0.8, TUESDAY);

    assertThat(EffectiveValuePolicy.effective(List.of(newer, older))).isEqualTo(newer);
  }

  @Test
  void highestIdBreaksTheLastTie() {
    Observation lower = observation(7, CLEARBIT, 0.8, MONDAY);
    Observation higher = observation(8, CLEARBIT, 0.8, MONDAY);

    assertThat(EffectiveValuePolicy.effective(List.of(higher, lower))).isEqualTo(higher);
    assertThat(EffectiveValuePolicy.effective(List.of(lower, higher))).isEqualTo(higher);
  }

  @Test
  void highestIdBreaksTiesBetweenDeclaredValuesOfTheSameInstant() {
    Observation lower = observation(3, Source.USER, 1.0, MONDAY);
    Observation higher = observation(4, Source.ADMIN, 1.0, MONDAY);

    assertThat(EffectiveValuePolicy.effective(List.of(higher, lower))).isEqualTo(higher);
  }

  @Test
  void newestFirstOrdersByTimeThenId() {
    Observation a = observation(1, CLEARBIT, 0.5, MONDAY);
    Observation b = observation(2, Source.USER, 1.0, MONDAY);
    Observation c = observation(3, HUNTER, 0.5, TUESDAY);

    assertThat(List.of(a, c, b).stream().sorted(EffectiveValuePolicy.NEWEST_FIRST))
        .containsExactly(c, b, a);
  }

  private static Observation observation(long id, Source source, double confidence, Instant at) {
    return new Observation(id, "user-1", "job_role", "value " + id, source, confidence, at);
  }
}
