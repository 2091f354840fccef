package io.rapport.setup;

import io.rapport.enrichment.EnrichmentProvider;
import io.rapport.enrichment.ProviderSettings;
import io.rapport.enrichment.ProviderType;

/** A provider type that only the import file's reader meets: it needs no key and makes nothing. */
record KeylessProviderType(String type) implements ProviderType {

  @Override
  public boolean needsApiKey() {
    return false;
  }

  @Override
  public EnrichmentProvider create(ProviderSettings settings) {
    throw new UnsupportedOperationException("the reader makes no providers");
  }
}
