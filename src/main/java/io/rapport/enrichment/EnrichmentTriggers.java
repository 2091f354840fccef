package io.rapport.enrichment;

import io.rapport.identity.AccountEvents;
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

  private final EnrichmentJobs jobs;

  EnrichmentTriggers(EnrichmentJobs jobs) {
    this.jobs = jobs;
  }

  @EventListener
  void signedUp(AccountEvents.SignedUp event) {
    jobs.enqueue(event.userId(), SIGNUP);
  }

  @EventListener
  void emailVerified(AccountEvents.EmailVerified event) {
    jobs.enqueue(event.userId(), EMAIL_VERIFIED);
  }
}
