package io.rapport.enrichment;

/**
 * The address a provider is asked about, with what it says by itself.
 *
 * @param email the normalised address; personal data, never to be logged
 * @param callbackUrl where the provider may POST its answer later, for a provider that {@linkplain
 *     EnrichmentProvider#acceptsCallbacks accepts callbacks} and when Rapport knows its public URL;
 *     null otherwise. It holds a secret: never logged.
 */
public record Lookup(String email, EmailClass emailClass, String callbackUrl) {

  /** A lookup without a callback: its provider's answer comes in the call, or by asking again. */
  public Lookup(String email, EmailClass emailClass) {
    this(email, emailClass, null);
  }

  /** The domain of the address, which company lookups are made by. */
  public String domain() {
    return emailClass.domain();
  }

  /** The same lookup, answerable at this URL. */
  public Lookup withCallbackUrl(String url) {
    return new Lookup(email, emailClass, url);
  }

  @Override
  public String toString() {
    return "Lookup[" + emailClass.kind() + (callbackUrl == null ? "" : ", with callback") + "]";
  }
}
