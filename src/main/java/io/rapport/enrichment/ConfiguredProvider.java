package io.rapport.enrichment;

/** A provider made from its settings, with them, for what the pipeline decides by settings. */
record ConfiguredProvider(ProviderSettings settings, EnrichmentProvider provider) {}
