package io.rapport.enrichment;

/**
 * A kind of provider, such as {@code email-domain} or {@code clearbit}: a Spring bean that makes
 * providers from their settings. Adding a provider to Rapport means adding one of these.
 */
public interface ProviderType {

  /** The {@code type} the import file and the console name it by. */
  String type();

  /** Whether the provider calls a paid API that needs a key ({@code api-key} is then required). */
  boolean needsApiKey();

  EnrichmentProvider create(ProviderSettings settings);
}
