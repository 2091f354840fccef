package io.rapport.enrichment;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.rapport.platform.AuditEventType;
import io.rapport.platform.AuditLog;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Calls a provider within its limits, in this order: its monthly budget must have calls left, its
 * circuit must be closed (or half open for a trial), and its rate limit must allow the call,
 * waiting briefly if need be; the call then runs on a virtual thread and is given up after the
 * provider's {@code timeout}, even when the provider's own code ignores it. A refused key disables
 * the provider and tells the administrator.
 *
 * <p>The budget is checked before the rate limit, so that lookups do not queue for calls the budget
 * no longer has, and taken after it, so that a lookup the rate limit puts off costs no budget.
 */
@Component
final class ProviderCaller {

  static final String CIRCUIT_OPEN = "circuit open: the provider failed too often";
  static final String RATE_LIMITED = "rate limit: no call allowed in time";
  static final String BUDGET_SPENT = "monthly budget spent";

  /** As much of a provider's reason as the console and the audit trail keep. */
  private static final int MAX_REASON = 500;

  private static final Logger log = LoggerFactory.getLogger(ProviderCaller.class);

  private final ProviderLimits limits;
  private final ProviderCircuits circuits;
  private final ProviderStore store;
  private final AuditLog audit;
  private final ExecutorService calls =
      Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("enrichment-call-", 0).factory());

  ProviderCaller(
      ProviderLimits limits, ProviderCircuits circuits, ProviderStore store, AuditLog audit) {
    this.limits = limits;
    this.circuits = circuits;
    this.store = store;
    this.audit = audit;
  }

  /** Asks the provider, unless a limit says not to now. */
  Answer call(ConfiguredProvider configured, Lookup lookup) {
    ProviderSettings settings = configured.settings();
    if (!limits.budgetLeft(settings)) {
      return budgetSpent(settings);
    }
    CircuitBreaker breaker = circuits.of(settings.id());
    if (!breaker.tryAcquirePermission()) {
      return Answer.putOff(CIRCUIT_OPEN, ProviderCircuits.OPEN_FOR);
    }
    Optional<Duration> untilAllowed = limits.awaitRateSlot(settings);
    if (untilAllowed.isPresent()) {
      breaker.releasePermission();
      return Answer.putOff(RATE_LIMITED, untilAllowed.get());
    }
    if (!limits.takeBudget(settings)) {
      breaker.releasePermission();
      return budgetSpent(settings);
    }

    long start = System.nanoTime();
    LookupResult result = callWithin(configured.provider(), lookup, settings.timeout());
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    account(breaker, result, took);
    if (result.refused()) {
      disable(settings.id(), result.reason());
    }
    return Answer.called(result, took);
  }

  /**
   * The provider's answer, or an error worth retrying when it takes longer than the timeout (its
   * thread is interrupted, and abandoned if it ignores that).
   */
  private LookupResult callWithin(EnrichmentProvider provider, Lookup lookup, Duration timeout) {
    Future<LookupResult> future = calls.submit(() -> provider.lookUp(lookup));
    try {
      LookupResult result = future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      return result == null ? LookupResult.error("the provider answered nothing", null) : result;
    } catch (TimeoutException e) {
      future.cancel(true);
      log.debug(
          "RAPPORT-ENRICH-012 Provider '{}' gave no answer within {} ms; given up",
          provider.id(),
          timeout.toMillis());
      return LookupResult.error("no answer within " + timeout.toMillis() + " ms", Duration.ZERO);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      return LookupResult.error("interrupted: the node is stopping", Duration.ZERO);
    } catch (ExecutionException e) {
      // A provider answers its service's faults as errors; this is a fault of its own code.
      Throwable cause = e.getCause() == null ? e : e.getCause();
      log.warn(
          "RAPPORT-ENRICH-003 Provider '{}' failed: {}", provider.id(), cause.getClass().getName());
      log.debug("Provider failure", cause);
      return LookupResult.error(cause.getClass().getSimpleName(), null);
    }
  }

  /**
   * Errors worth retrying count against the circuit; a refused key disables instead, and a 429
   * counts for nothing either way (see {@link LookupResult#throttled}).
   */
  private static void account(CircuitBreaker breaker, LookupResult result, Duration took) {
    if (result.refused() || result.throttled()) {
      breaker.releasePermission();
    } else if (result.retryableError()) {
      breaker.onError(took.toNanos(), TimeUnit.NANOSECONDS, new ProviderFailure(result.reason()));
    } else {
      breaker.onSuccess(took.toNanos(), TimeUnit.NANOSECONDS);
    }
  }

  /** Once across all nodes: the first job to meet the refusal disables the provider. */
  private void disable(String providerId, String reason) {
    String given = reason == null || reason.isBlank() ? "the credentials were refused" : reason;
    String why = given.length() <= MAX_REASON ? given : given.substring(0, MAX_REASON);
    if (!store.disable(providerId, why)) {
      return;
    }
    log.warn(
        "RAPPORT-ENRICH-010 Provider '{}' is disabled: its service refused the credentials ({});"
            + " set a valid API key to enable it again",
        providerId,
        why);
    audit.record(
        AuditEventType.ENRICHMENT_PROVIDER_DISABLED,
        AuditLog.SYSTEM,
        null,
        null,
        "enrichment provider " + providerId + " disabled, credentials refused: " + why);
  }

  /** Reported once a month across all nodes, by the first lookup that finds the budget spent. */
  private Answer budgetSpent(ProviderSettings settings) {
    if (limits.firstToReportSpentBudget(settings.id())) {
      log.warn(
          "RAPPORT-ENRICH-011 Provider '{}' has spent its monthly budget of {} calls;"
              + " not asked until the month turns (UTC)",
          settings.id(),
          settings.monthlyBudget());
      audit.record(
          AuditEventType.ENRICHMENT_BUDGET_SPENT,
          AuditLog.SYSTEM,
          null,
          null,
          "enrichment provider %s spent its monthly budget of %d calls"
              .formatted(settings.id(), settings.monthlyBudget()));
    }
    return Answer.notCalled(BUDGET_SPENT);
  }

  /** What the circuit breaker counts: an error the provider reported, not one it threw. */
  private static final class ProviderFailure extends RuntimeException {

    ProviderFailure(String reason) {
      super(reason, null, false, false);
    }
  }
}
