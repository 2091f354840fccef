package io.rapport.enrichment;

/** What a user chose about being looked up; the latest choice is in force. */
public enum ConsentChoice {

  /** Agreed: ticked the box at sign-up, or agreed on {@code /account}. */
  AGREED,

  /** Neither agreed nor objected: no tick, or no box under legitimate interest. */
  NONE,

  /** Objected to lookups, or withdrew consent: never looked up again while this stands. */
  OBJECTED;

  /** Whether the user may be looked up under the basis. */
  boolean allows(EnrichmentBasis basis) {
    return switch (basis) {
      case CONSENT -> this == AGREED;
      case LEGITIMATE_INTEREST -> this != OBJECTED;
    };
  }
}
