package io.rapport.enrichment;

/**
 * The address a provider is asked about, with what it says by itself.
 *
 * @param email the normalised address; personal data, never to be logged
 */
public record Lookup(String email, EmailClass emailClass) {

  /** The domain of the address, which company lookups are made by. */
  public String domain() {
    return emailClass.domain();
  }
}
