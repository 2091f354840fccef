package io.rapport.enrichment;

import io.rapport.identity.AccountEvents;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Queues an enrichment when a user signs up and when the address is verified (a verified address is
 * worth a second look: it is known to be the user's). Runs inside the event's transaction.
 */
@Component
final class EnrichmentTriggers {

  static final String SIGNUP = "signup";
  static final String EMAIL_VERIFIED = "email-verified";
  static final String STALE = "stale";

  private final EnrichmentJobs jobs;
  private final LookupLedger ledger;
  private final EnrichmentProperties properties;
  private final Clock clock;

  EnrichmentTriggers(
      EnrichmentJobs jobs, LookupLedger ledger, EnrichmentProperties properties, Clock clock) {
    this.jobs = jobs;
    this.ledger = ledger;
    this.properties = properties;
    this.clock = clock;
  }

  @EventListener
  void signedUp(AccountEvents.SignedUp event) {
    jobs.enqueue(event.userId(), SIGNUP);
  }

  /** A user never enriched (signed up before enrichment existed) is stale too. */
  @EventListener
  void signedIn(AccountEvents.SignedIn event) {
    if (properties.refreshAfter().isZero()) {
      return;
    }
    Instant staleBefore = clock.instant().minus(properties.refreshAfter());
    boolean stale =
        ledger.lastLookup(event.userId()).map(last -> last.isBefore(staleBefore)).orElse(true);
    if (stale) {
      jobs.enqueue(event.userId(), STALE);
    }
  }

  @EventListener
  void emailVerified(AccountEvents.EmailVerified event) {
    jobs.enqueue(event.userId(), EMAIL_VERIFIED);
  }
}
