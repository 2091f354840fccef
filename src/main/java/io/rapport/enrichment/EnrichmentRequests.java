package io.rapport.enrichment;

import io.rapport.identity.UserAccount;
import io.rapport.identity.UserAccounts;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * What the console and the management API ask of enrichment for one user: its state, and another
 * enrichment now, which is refused for a user who may not be looked up.
 */
@Component
public final class EnrichmentRequests {

  /** An administrator or a program asked for it. */
  public static final String REQUESTED = "requested";

  private final EnrichmentJobs jobs;
  private final LookupLedger ledger;
  private final UserAccounts accounts;
  private final EnrichmentConsent consent;

  EnrichmentRequests(
      EnrichmentJobs jobs, LookupLedger ledger, UserAccounts accounts, EnrichmentConsent consent) {
    this.jobs = jobs;
    this.ledger = ledger;
    this.accounts = accounts;
    this.consent = consent;
  }

  public Status status(String userId) {
    String refusal =
        accounts
            .findById(userId)
            .flatMap(consent::refusal)
            .map(EnrichmentConsent.Refusal::reason)
            .orElse(null);
    return new Status(jobs.queued(userId), ledger.lastLookup(userId).orElse(null), refusal);
  }

  /**
   * Queues an enrichment of the user now.
   *
   * @return false when one was queued already, which will do
   * @throws EnrichmentRefusedException when the user may not be looked up
   */
  public boolean request(String userId) {
    UserAccount account = accounts.findById(userId).orElse(null);
    if (account != null) {
      consent
          .refusal(account)
          .ifPresent(
              refusal -> {
                throw new EnrichmentRefusedException(refusal);
              });
    }
    return jobs.enqueue(userId, REQUESTED);
  }

  /**
   * @param queued whether a job for the user waits or runs
   * @param lastLookupAt when a provider was last asked about the user; null when never
   * @param notLookedUp why the user is not looked up (objected, no consent, an excluded region);
   *     null when the user may be
   */
  public record Status(boolean queued, Instant lastLookupAt, String notLookedUp) {}
}
