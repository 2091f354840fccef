package io.rapport.setup;

import io.rapport.enrichment.EmailClass;
import io.rapport.enrichment.EnrichmentProvider;
import io.rapport.enrichment.Lookup;
import io.rapport.enrichment.LookupResult;
import io.rapport.enrichment.ProviderSettings;
import io.rapport.enrichment.ProviderType;
import io.rapport.enrichment.Subject;

/**
 * A stand-in for a paid provider type (Clearbit and the like, not built yet) for the import file's
 * tests: it needs an API key and finds nothing.
 */
final class PaidProviderType implements ProviderType {

  static final String TYPE = "paid-test";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public boolean needsApiKey() {
    return true;
  }

  @Override
  public EnrichmentProvider create(ProviderSettings settings) {
    return new EnrichmentProvider() {
      @Override
      public String id() {
        return settings.id();
      }

      @Override
      public Subject subject() {
        return Subject.PERSON;
      }

      @Override
      public boolean accepts(EmailClass email) {
        return false;
      }

      @Override
      public boolean cached() {
        return false;
      }

      @Override
      public LookupResult lookUp(Lookup lookup) {
        return LookupResult.noMatch();
      }
    };
  }
}
