package io.rapport.enrichment;

import io.rapport.identity.UserAccount;
import io.rapport.identity.UserAccounts;
import io.rapport.platform.AuditEventType;
import io.rapport.platform.AuditLog;
import io.rapport.profile.ProfileService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a user decides on {@code /account} about being looked up. Objecting (or withdrawing consent)
 * is recorded, removes a waiting job, and deletes what enrichment knows of the user: the cached
 * person answers, keyed by a hash of the address, and the profile's observations from {@code
 * enrichment:*}, all in one transaction. Company answers, cached by domain, are about the company
 * and stay. Agreeing (or taking an objection back) is recorded; the next trigger looks the user up.
 */
@Component
public final class ConsentChoices {

  private static final Logger log = LoggerFactory.getLogger(ConsentChoices.class);

  private final ConsentRecords records;
  private final ConsentPolicyStore policies;
  private final EnrichmentJobs jobs;
  private final LookupCache cache;
  private final ProfileService profiles;
  private final UserAccounts accounts;
  private final AuditLog audit;
  private final TransactionTemplate transactions;

  ConsentChoices(
      ConsentRecords records,
      ConsentPolicyStore policies,
      EnrichmentJobs jobs,
      LookupCache cache,
      ProfileService profiles,
      UserAccounts accounts,
      AuditLog audit,
      PlatformTransactionManager transactionManager) {
    this.records = records;
    this.policies = policies;
    this.jobs = jobs;
    this.cache = cache;
    this.profiles = profiles;
    this.accounts = accounts;
    this.audit = audit;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /** What the user's page shows: the basis in force and the user's choice. */
  public State state(String userId) {
    return new State(policies.current().basis(), records.choice(userId));
  }

  /** The user objects to lookups (legitimate interest) or withdraws consent (consent). */
  public void object(String userId) {
    UserAccount account = accounts.findById(userId).orElseThrow();
    EnrichmentBasis basis = policies.current().basis();
    transactions.executeWithoutResult(
        status -> {
          records.record(userId, ConsentChoice.OBJECTED, basis, ConsentRecords.ACCOUNT, null);
          jobs.cancel(userId);
          cache.forgetPerson(account.email());
          int forgotten = profiles.forgetEnrichment(userId);
          audit.record(AuditEventType.ENRICHMENT_OBJECTED, userId, userId, null, "basis " + basis);
          log.debug(
              "RAPPORT-CONSENT-001 A user objected; {} enrichment observations deleted", forgotten);
        });
  }

  /** The user agrees to be looked up (consent), or takes an objection back. */
  public void agree(String userId) {
    EnrichmentBasis basis = policies.current().basis();
    transactions.executeWithoutResult(
        status -> {
          records.record(userId, ConsentChoice.AGREED, basis, ConsentRecords.ACCOUNT, null);
          audit.record(AuditEventType.ENRICHMENT_AGREED, userId, userId, null, "basis " + basis);
        });
  }

  /**
   * @param basis the company's basis, which decides what the page offers
   * @param choice the user's choice in force
   */
  public record State(EnrichmentBasis basis, ConsentChoice choice) {

    /** Whether the user is looked up, as far as the user's choice goes. */
    public boolean lookedUp() {
      return choice.allows(basis);
    }
  }
}
