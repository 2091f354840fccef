package io.rapport.enrichment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes an answer a provider POSTed to a lookup's callback URL. The lookup must exist, be this
 * secret's, not have expired and not be done; its provider must still be enabled and able to read
 * the body. An accepted answer is handled as the pipeline handles one that came in the call: kept
 * in the cache, recorded in the ledger, its findings stored as observations of the user (precedence
 * keeps what the user declared), and the lookup marked done, all in one transaction, so that a
 * second delivery of the same answer, or the job asking again meanwhile, changes nothing.
 */
@Component
public final class EnrichmentCallbacks {

  /** The most a callback body may hold; a provider's answer about one person is far smaller. */
  public static final int MAX_BODY_BYTES = 256 * 1024;

  private static final Pattern LOOKUP_ID = Pattern.compile("[0-9a-f-]{36}");
  private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{20,100}");
  private static final Logger log = LoggerFactory.getLogger(EnrichmentCallbacks.class);

  private final CallbackRegistry registry;
  private final Providers providers;
  private final EnrichmentPipeline pipeline;
  private final LookupCache cache;
  private final LookupLedger ledger;
  private final Clock clock;
  private final TransactionTemplate transaction;

  EnrichmentCallbacks(
      CallbackRegistry registry,
      Providers providers,
      EnrichmentPipeline pipeline,
      LookupCache cache,
      LookupLedger ledger,
      Clock clock,
      PlatformTransactionManager transactions) {
    this.registry = registry;
    this.providers = providers;
    this.pipeline = pipeline;
    this.cache = cache;
    this.ledger = ledger;
    this.clock = clock;
    this.transaction = new TransactionTemplate(transactions);
  }

  /** What came of a callback, which the endpoint answers with its status. */
  public enum Outcome {
    /** Stored: 204. */
    ACCEPTED,
    /** No such lookup, a wrong secret, expired, or its provider gone: 404, all alike. */
    UNKNOWN,
    /** Answered already: 409. */
    DONE,
    /** A body the provider could not read or trust: 400, nothing stored. */
    UNREADABLE
  }

  /**
   * @param headers the request's headers by lower-case name
   */
  public Outcome accept(
      String lookupId, String secret, byte[] body, Map<String, List<String>> headers) {
    if (!LOOKUP_ID.matcher(lookupId).matches() || !SECRET.matcher(secret).matches()) {
      log.info("RAPPORT-ENRICH-031 A callback for an unknown lookup was refused");
      return Outcome.UNKNOWN;
    }
    return transaction.execute(status -> acceptLocked(lookupId, secret, body, headers));
  }

  private Outcome acceptLocked(
      String lookupId, String secret, byte[] body, Map<String, List<String>> headers) {
    Optional<CallbackRegistry.Callback> found = registry.lock(lookupId);
    if (found.isEmpty()) {
      log.info("RAPPORT-ENRICH-031 A callback for an unknown lookup was refused");
      return Outcome.UNKNOWN;
    }
    CallbackRegistry.Callback callback = found.get();
    if (!callback.holds(secret)) {
      log.warn(
          "RAPPORT-ENRICH-032 A callback for a lookup of '{}' came with a wrong secret; refused",
          callback.providerId());
      return Outcome.UNKNOWN;
    }
    if (callback.done()) {
      log.info(
          "RAPPORT-ENRICH-034 A callback for a lookup of '{}' that is done already changed nothing",
          callback.providerId());
      return Outcome.DONE;
    }
    Instant now = clock.instant();
    if (!now.isBefore(callback.expiresAt())) {
      log.info(
          "RAPPORT-ENRICH-033 A callback for an expired lookup of '{}' was refused",
          callback.providerId());
      return Outcome.UNKNOWN;
    }
    Optional<ConfiguredProvider> provider = enabledProvider(callback.providerId());
    if (provider.isEmpty()) {
      log.info(
          "RAPPORT-ENRICH-035 A callback for provider '{}', which is not enabled, was refused",
          callback.providerId());
      return Outcome.UNKNOWN;
    }
    LookupResult result = read(provider.get().provider(), body, headers);
    if (result.outcome() != LookupOutcome.MATCH && result.outcome() != LookupOutcome.NO_MATCH) {
      log.info(
          "RAPPORT-ENRICH-036 A callback of '{}' could not be used: {}",
          callback.providerId(),
          result.reason() == null ? result.outcome() : result.reason());
      return Outcome.UNREADABLE;
    }
    store(provider.get(), callback, result, Duration.between(callback.createdAt(), now));
    return Outcome.ACCEPTED;
  }

  /**
   * Kept, recorded and stored as an answer in the call would be. It is recorded as an answer the
   * provider did not charge for (like one from the cache): the call was counted when it was queued.
   */
  private void store(
      ConfiguredProvider configured,
      CallbackRegistry.Callback callback,
      LookupResult result,
      Duration took) {
    EnrichmentProvider provider = configured.provider();
    if (provider.cached()) {
      cache.store(
          provider.id(),
          callback.subject(),
          callback.subjectKey(),
          result,
          configured.settings().cacheFor());
    }
    ledger.record(
        provider.id(), callback.subject(), callback.userId(), result.outcome(), true, took);
    int stored = pipeline.store(provider.id(), callback.userId(), result.findings());
    registry.settle(provider.id(), callback.subject(), callback.subjectKey());
    log.debug(
        "RAPPORT-ENRICH-030 A callback of '{}' was accepted: {}, {} observations stored",
        provider.id(),
        result.outcome(),
        stored);
  }

  private static LookupResult read(
      EnrichmentProvider provider, byte[] body, Map<String, List<String>> headers) {
    if (!provider.acceptsCallbacks()) {
      return LookupResult.error("the provider takes no callbacks", null);
    }
    try {
      LookupResult result = provider.readCallback(body, headers);
      return result == null ? LookupResult.error("the provider read nothing", null) : result;
    } catch (RuntimeException e) {
      // A fault of the provider's own code: the body is refused, and the lookup stays open.
      log.warn(
          "RAPPORT-ENRICH-037 Provider '{}' failed to read a callback: {}",
          provider.id(),
          e.getClass().getName());
      return LookupResult.error(e.getClass().getSimpleName(), null);
    }
  }

  private Optional<ConfiguredProvider> enabledProvider(String providerId) {
    return providers.enabled().stream()
        .filter(configured -> configured.settings().id().equals(providerId))
        .findFirst();
  }
}
