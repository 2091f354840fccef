package io.rapport.enrichment;

/**
 * An enrichment was asked for a user who may not be looked up: one who objected, has not consented,
 * or is in an excluded region. The console and the API say so rather than queue a job.
 */
public final class EnrichmentRefusedException extends RuntimeException {

  private final EnrichmentConsent.Refusal refusal;

  public EnrichmentRefusedException(EnrichmentConsent.Refusal refusal) {
    super("Not enriched: " + refusal.reason());
    this.refusal = refusal;
  }

  public EnrichmentConsent.Refusal refusal() {
    return refusal;
  }
}
