package io.rapport.enrichment;

import io.rapport.identity.AccountEvents;
import io.rapport.identity.UserAccounts;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Queues an enrichment when a user signs up and when the address is verified (a verified address is
 * worth a second look: it is known to be the user's). Runs inside the event's transaction. A user
 * who may not be looked up ({@link EnrichmentConsent}) gets no job.
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
  private final UserAccounts accounts;
  private final EnrichmentConsent consent;

  EnrichmentTriggers(
      EnrichmentJobs jobs,
      LookupLedger ledger,
      EnrichmentProperties properties,
      Clock clock,
      UserAccounts accounts,
      EnrichmentConsent consent) {
    this.jobs = jobs;
    this.accounts = accounts;
    this.consent = consent;
    this.ledger = ledger;
    this.properties = properties;
    this.clock = clock;
  }

  @EventListener
  void signedUp(AccountEvents.SignedUp event) {
    enqueue(event.userId(), SIGNUP);
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
      enqueue(event.userId(), STALE);
    }
  }

  @EventListener
  void emailVerified(AccountEvents.EmailVerified event) {
    enqueue(event.userId(), EMAIL_VERIFIED);
  }

  private void enqueue(String userId, String trigger) {
    if (accounts.findById(userId).map(consent::allows).orElse(false)) {
      jobs.enqueue(userId, trigger);
    }
  }
}
