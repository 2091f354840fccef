package io.rapport.enrichment;

import io.rapport.identity.UserAccount;
import io.rapport.identity.UserAccounts;
import io.rapport.profile.AttributeCatalog;
import io.rapport.profile.InvalidObservationException;
import io.rapport.profile.NewObservation;
import io.rapport.profile.Observation;
import io.rapport.profile.Profile;
import io.rapport.profile.ProfileService;
import io.rapport.profile.ProfileValue;
import io.rapport.profile.Source;
import io.rapport.profile.UnknownAttributeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Enriches one user: asks the enabled providers in their order, as a waterfall that stops once
 * every wanted attribute is known with enough confidence, so that paid providers are asked only for
 * what the free ones did not find. Answers come from the cache while they are fresh, and two
 * lookups of the same subject at once on this node make one call. What providers find becomes
 * observations from {@code enrichment:<provider>}; precedence keeps what the user declared. Calls
 * go through {@link ProviderCaller}, which keeps each provider within its limits.
 */
@Component
public final class EnrichmentPipeline {

  private static final Logger log = LoggerFactory.getLogger(EnrichmentPipeline.class);

  private final UserAccounts accounts;
  private final ProfileService profiles;
  private final EmailDomains domains;
  private final Providers providers;
  private final LookupCache cache;
  private final LookupLedger ledger;
  private final ProviderCaller caller;
  private final EnrichmentProperties properties;
  private final AttributeCatalog catalog;
  private final CallbackRegistry callbacks;
  private final ConcurrentMap<String, CompletableFuture<Answer>> inFlight =
      new ConcurrentHashMap<>();

  /** A pipeline that gives no lookup a callback URL: queued answers come by asking again. */
  EnrichmentPipeline(
      UserAccounts accounts,
      ProfileService profiles,
      EmailDomains domains,
      Providers providers,
      LookupCache cache,
      LookupLedger ledger,
      ProviderCaller caller,
      EnrichmentProperties properties,
      AttributeCatalog catalog) {
    this(accounts, profiles, domains, providers, cache, ledger, caller, properties, catalog, null);
  }

  /**
   * @param callbacks where lookups of providers that accept callbacks get their callback URL; null
   *     for none
   */
  @Autowired
  EnrichmentPipeline(
      UserAccounts accounts,
      ProfileService profiles,
      EmailDomains domains,
      Providers providers,
      LookupCache cache,
      LookupLedger ledger,
      ProviderCaller caller,
      EnrichmentProperties properties,
      AttributeCatalog catalog,
      CallbackRegistry callbacks) {
    this.callbacks = callbacks;
    this.accounts = accounts;
    this.catalog = catalog;
    this.profiles = profiles;
    this.domains = domains;
    this.providers = providers;
    this.cache = cache;
    this.ledger = ledger;
    this.caller = caller;
    this.properties = properties;
  }

  /** Enriches the user now; empty when there is no such user (deleted since the job was made). */
  public Optional<EnrichmentRun> enrich(String userId) {
    Optional<UserAccount> account = accounts.findById(userId);
    if (account.isEmpty()) {
      return Optional.empty();
    }
    Lookup lookup = new Lookup(account.get().email(), domains.classify(account.get().email()));
    List<ProviderRun> runs = new ArrayList<>();
    boolean complete = false;
    for (ConfiguredProvider configured : providers.enabled()) {
      complete = knowsEnough(profiles.profileOf(userId));
      if (complete) {
        break;
      }
      runs.add(run(configured, lookup, userId));
    }
    complete = complete || knowsEnough(profiles.profileOf(userId));
    return Optional.of(new EnrichmentRun(userId, runs, complete));
  }

  /**
   * The console's test lookup of one address: asks every enabled provider in order, without
   * stopping once enough is known, so that the administrator sees what each returns; and says what
   * each finding would become in a profile. Fresh cached answers are used, new answers are cached
   * and every lookup is recorded (it costs what any lookup costs), but no observation is stored.
   *
   * @param email a normalised address
   */
  public List<Trial> tryOut(String email) {
    Lookup lookup = new Lookup(email, domains.classify(email));
    List<Trial> trials = new ArrayList<>();
    for (ConfiguredProvider configured : providers.enabled()) {
      EnrichmentProvider provider = configured.provider();
      if (!provider.accepts(lookup.emailClass())) {
        trials.add(
            new Trial(ProviderRun.notAsked(provider.id(), ProviderRun.CANNOT_FIND), List.of()));
        continue;
      }
      Answer answer = ask(configured, lookup, null);
      if (answer.result() == null) {
        trials.add(new Trial(ProviderRun.notAsked(provider.id(), answer.skipped()), List.of()));
        continue;
      }
      LookupResult result = answer.result();
      if (answer.answered()) {
        ledger.record(
            provider.id(),
            provider.subject(),
            null,
            result.outcome(),
            answer.cacheHit(),
            answer.duration());
      }
      ProviderRun run =
          new ProviderRun(
              provider.id(),
              result.outcome(),
              answer.cacheHit(),
              result.findings(),
              0,
              result,
              answer.skipped());
      trials.add(new Trial(run, result.findings().stream().map(this::becomes).toList()));
    }
    return trials;
  }

  private Becomes becomes(Finding finding) {
    return catalog
        .find(finding.attribute())
        .map(
            attribute ->
                attribute
                    .type()
                    .normalize(finding.value())
                    .map(value -> new Becomes(finding, attribute.key(), value, null))
                    .orElseGet(
                        () ->
                            new Becomes(
                                finding,
                                attribute.key(),
                                null,
                                "not " + attribute.type().expectation())))
        .orElseGet(
            () -> new Becomes(finding, null, null, "no attribute '" + finding.attribute() + "'"));
  }

  private ProviderRun run(ConfiguredProvider configured, Lookup lookup, String userId) {
    EnrichmentProvider provider = configured.provider();
    if (!provider.accepts(lookup.emailClass())) {
      return ProviderRun.notAsked(provider.id(), ProviderRun.CANNOT_FIND);
    }
    Answer answer = ask(configured, lookup, userId);
    if (answer.result() == null) {
      return ProviderRun.notAsked(provider.id(), answer.skipped());
    }
    if (answer.answered()) {
      ledger.record(
          provider.id(),
          provider.subject(),
          userId,
          answer.result().outcome(),
          answer.cacheHit(),
          answer.duration());
    }
    int stored = store(provider.id(), userId, answer.result().findings());
    return new ProviderRun(
        provider.id(),
        answer.result().outcome(),
        answer.cacheHit(),
        answer.result().findings(),
        stored,
        answer.result(),
        answer.skipped());
  }

  /**
   * From the cache, from a lookup of the same subject already running here, or from the provider.
   */
  private Answer ask(ConfiguredProvider configured, Lookup lookup, String userId) {
    EnrichmentProvider provider = configured.provider();
    String key = LookupCache.keyOf(provider.subject(), lookup);
    if (!provider.cached()) {
      return call(configured, lookup, userId, key);
    }
    Optional<LookupResult> cached = cache.find(provider.id(), provider.subject(), key);
    if (cached.isPresent()) {
      return Answer.cached(cached.get(), Duration.ZERO);
    }
    String flight = provider.id() + '/' + provider.subject() + '/' + key;
    CompletableFuture<Answer> mine = new CompletableFuture<>();
    CompletableFuture<Answer> running = inFlight.putIfAbsent(flight, mine);
    if (running != null) {
      long start = System.nanoTime();
      Answer theirs = running.join();
      Duration waited = Duration.ofNanos(System.nanoTime() - start);
      return theirs.answered() ? Answer.cached(theirs.result(), waited) : theirs;
    }
    try {
      Answer answer = call(configured, lookup, userId, key);
      if (answer.answered()) {
        cache.store(
            provider.id(),
            provider.subject(),
            key,
            answer.result(),
            configured.settings().cacheFor());
      }
      mine.complete(answer);
      return answer;
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      inFlight.remove(flight, mine);
    }
  }

  /**
   * Calls the provider, with a callback URL when it accepts one and the lookup is a user's (not the
   * console's test). The callback is opened before the call, so that an answer POSTed at once finds
   * it, and forgotten when the call did not leave the lookup queued; an answer in the call settles
   * any callback still open for the subject, so that a late webhook changes nothing.
   */
  private Answer call(ConfiguredProvider configured, Lookup lookup, String userId, String key) {
    EnrichmentProvider provider = configured.provider();
    if (userId == null
        || callbacks == null
        || !provider.acceptsCallbacks()
        || !callbacks.available()) {
      return caller.call(configured, lookup);
    }
    Optional<CallbackRegistry.Opened> callback =
        callbacks.open(provider.id(), provider.subject(), key, userId);
    Lookup asked = callback.map(opened -> lookup.withCallbackUrl(opened.url())).orElse(lookup);
    Answer answer = caller.call(configured, asked);
    LookupOutcome outcome = answer.answered() ? answer.result().outcome() : null;
    if (outcome != LookupOutcome.QUEUED) {
      callback.ifPresent(opened -> callbacks.discard(opened.lookupId()));
    }
    if (outcome == LookupOutcome.MATCH || outcome == LookupOutcome.NO_MATCH) {
      callbacks.settle(provider.id(), provider.subject(), key);
    }
    return answer;
  }

  /**
   * Stores each finding as an observation of the user, unless the provider said the same before; a
   * finding the catalog refuses (an unknown attribute, a value of the wrong type) is dropped, not
   * stored. Also the store step of an answer that came by callback ({@link EnrichmentCallbacks}).
   *
   * @return how many observations were stored
   */
  int store(String providerId, String userId, List<Finding> findings) {
    Source source = Source.enrichment(providerId);
    Profile profile = profiles.profileOf(userId);
    int stored = 0;
    for (Finding finding : findings) {
      if (saidBefore(profile, source, finding)) {
        continue;
      }
      try {
        profiles.observe(
            new NewObservation(
                userId, finding.attribute(), finding.value(), source, finding.confidence()));
        stored++;
      } catch (UnknownAttributeException | InvalidObservationException e) {
        log.debug(
            "RAPPORT-ENRICH-004 A finding of '{}' for attribute '{}' was refused: {}",
            providerId,
            finding.attribute(),
            e.getClass().getSimpleName());
      }
    }
    return stored;
  }

  private static boolean saidBefore(Profile profile, Source source, Finding finding) {
    ProfileValue value = profile.values().get(finding.attribute());
    if (value == null) {
      return false;
    }
    return value.observations().stream()
        .filter(observation -> observation.source().equals(source))
        .findFirst()
        .map(Observation::value)
        .filter(finding.value()::equals)
        .isPresent();
  }

  private boolean knowsEnough(Profile profile) {
    return properties.wantedAttributes().stream()
        .allMatch(
            key -> {
              ProfileValue value = profile.values().get(key);
              return value != null
                  && value.effective().confidence() >= properties.enoughConfidence();
            });
  }

  /** What one provider did in a test lookup, and what each of its findings would become. */
  public record Trial(ProviderRun run, List<Becomes> findings) {

    public Trial {
      findings = List.copyOf(findings);
    }
  }

  /**
   * What a finding would become in a profile.
   *
   * @param attribute the catalog attribute; null when the catalog has none of that key
   * @param value the value as the attribute stores it; null when refused
   * @param refusal why it would not be stored; null when it would
   */
  public record Becomes(Finding finding, String attribute, String value, String refusal) {}
}
