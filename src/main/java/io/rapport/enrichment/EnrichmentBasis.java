package io.rapport.enrichment;

import java.util.Arrays;
import java.util.Optional;

/**
 * The basis on which the company looks its users up (GDPR Art. 6(1)): their consent, given at
 * sign-up or later on {@code /account}, or its legitimate interest, which a user may object to
 * (Art. 21).
 */
public enum EnrichmentBasis {

  /** Every user is looked up unless the user objected. */
  LEGITIMATE_INTEREST("legitimate-interest"),

  /** Only users who agreed are looked up. */
  CONSENT("consent");

  private final String written;

  EnrichmentBasis(String written) {
    this.written = written;
  }

  /** As the import file and the property write it. */
  public String written() {
    return written;
  }

  /** The basis written {@code legitimate-interest} or {@code consent}; empty for anything else. */
  public static Optional<EnrichmentBasis> of(String text) {
    return Arrays.stream(values()).filter(basis -> basis.written.equals(text)).findFirst();
  }

  @Override
  public String toString() {
    return written;
  }
}
