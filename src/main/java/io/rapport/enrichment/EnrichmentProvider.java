package io.rapport.enrichment;

/**
 * One configured data source. Each kind of provider ({@link ProviderType}) makes instances from
 * their settings; the pipeline asks them in the configured order.
 *
 * <p>A provider never throws for what its service does (a timeout, a 500, a body that is not JSON):
 * it answers {@link LookupResult#error}. It never logs the address or what it found.
 */
public interface EnrichmentProvider {

  /** The name observations cite as {@code enrichment:<id>}, unique among the providers. */
  String id();

  /** What one lookup asks about, and so what its result is cached by. */
  Subject subject();

  /**
   * Whether a lookup can find anything for this address. A company lookup is pointless for a
   * free-mail or disposable address, a person lookup for a role address; those cost nothing.
   */
  boolean accepts(EmailClass email);

  /** Whether results are worth caching: not for a provider that asks no one. */
  boolean cached();

  LookupResult lookUp(Lookup lookup);
}
