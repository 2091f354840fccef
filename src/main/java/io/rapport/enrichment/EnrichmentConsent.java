package io.rapport.enrichment;

import io.rapport.identity.UserAccount;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Whether a user may be looked up: under the company's basis, given the user's choice, and outside
 * the excluded regions. Asked by every trigger before it queues a job, and by the pipeline before
 * it asks any provider, so that a job queued before an objection does nothing.
 */
@Component
public final class EnrichmentConsent {

  private static final Logger log = LoggerFactory.getLogger(EnrichmentConsent.class);

  private final ConsentPolicyStore policies;
  private final ConsentRecords records;
  private final UserRegion regions;

  EnrichmentConsent(ConsentPolicyStore policies, ConsentRecords records, UserRegion regions) {
    this.policies = policies;
    this.records = records;
    this.regions = regions;
  }

  /** Why the user may not be looked up; empty when the user may. */
  public Optional<Refusal> refusal(UserAccount account) {
    ConsentPolicy policy = policies.current();
    ConsentChoice choice = records.choice(account.id());
    Optional<Refusal> refusal = Optional.empty();
    if (choice == ConsentChoice.OBJECTED) {
      refusal = Optional.of(Refusal.OBJECTED);
    } else if (!choice.allows(policy.basis())) {
      refusal = Optional.of(Refusal.NO_CONSENT);
    } else if (!policy.excludedRegions().isEmpty()
        && regions.of(account).filter(policy.excludedCountries()::contains).isPresent()) {
      refusal = Optional.of(Refusal.EXCLUDED_REGION);
    }
    refusal.ifPresent(
        reason -> log.debug("RAPPORT-ENRICH-070 A user is not looked up: {}", reason.reason()));
    return refusal;
  }

  /** Whether the user may be looked up. */
  public boolean allows(UserAccount account) {
    return refusal(account).isEmpty();
  }

  /** Why a user is not looked up, in words for the console, the API and the log. */
  public enum Refusal {
    OBJECTED("the user objected to being looked up, or withdrew consent"),
    NO_CONSENT("the user has not consented to being looked up (enrichment basis: consent)"),
    EXCLUDED_REGION("the user is in a region excluded from enrichment");

    private final String reason;

    Refusal(String reason) {
      this.reason = reason;
    }

    public String reason() {
      return reason;
    }
  }
}
