package io.rapport.enrichment;

import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * What the console and the management API ask of enrichment for one user: its state, and another
 * enrichment now.
 */
@Component
public final class EnrichmentRequests {

  /** An administrator or a program asked for it. */
  public static final String REQUESTED = "requested";

  private final EnrichmentJobs jobs;
  private final LookupLedger ledger;

  EnrichmentRequests(EnrichmentJobs jobs, LookupLedger ledger) {
    this.jobs = jobs;
    this.ledger = ledger;
  }

  public Status status(String userId) {
    return new Status(jobs.queued(userId), ledger.lastLookup(userId).orElse(null));
  }

  /**
   * Queues an enrichment of the user now.
   *
   * @return false when one was queued already, which will do
   */
  public boolean request(String userId) {
    return jobs.enqueue(userId, REQUESTED);
  }

  /**
   * @param queued whether a job for the user waits or runs
   * @param lastLookupAt when a provider was last asked about the user; null when never
   */
  public record Status(boolean queued, Instant lastLookupAt) {}
}
