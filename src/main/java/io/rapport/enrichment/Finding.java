package io.rapport.enrichment;

/**
 * One thing a provider found: a value for a catalog attribute, written as the attribute's type
 * expects, and how sure the provider is of it.
 *
 * @param confidence above 0 and at most 1, derived from what the provider says of its match
 */
public record Finding(String attribute, String value, double confidence) {

  public Finding {
    if (!(confidence > 0 && confidence <= 1)) {
      throw new IllegalArgumentException("A finding's confidence must be above 0 and at most 1");
    }
  }
}
