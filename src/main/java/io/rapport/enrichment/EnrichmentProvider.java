package io.rapport.enrichment;

import java.util.List;
import java.util.Map;

/**
 * One configured data source. Each kind of provider ({@link ProviderType}) makes instances from
 * their settings; the pipeline asks them in the configured order.
 *
 * <p>The contract, for a provider that calls a service:
 *
 * <ul>
 *   <li>It answers what the service said as a {@link LookupResult}: a match, a no-match, queued,
 *       {@link LookupResult#refused} for a 401 or 403, {@link LookupResult#error} with the {@code
 *       Retry-After} ({@link RetryAfter#parse}) or zero for a 429, a 5xx or a timeout, and with
 *       null for what will not work later. That page of javadoc says what the pipeline does with
 *       each.
 *   <li>It never throws for what its service does (a timeout, a 500, a body that is not JSON). A
 *       throw is taken for a bug in the provider: an error, logged as {@code RAPPORT-ENRICH-003},
 *       not asked again for this user.
 *   <li>It does not retry, wait for a rate limit, count its calls or time itself out: the pipeline
 *       ({@link ProviderCaller}) keeps each call within the provider's {@code requests-per-minute},
 *       {@code monthly-budget}, circuit breaker and {@code timeout}, and the job retries. A call is
 *       interrupted at its timeout; a provider should let blocking I/O end then, and may set its
 *       HTTP client's own timeout to {@link ProviderSettings#timeout()} as well.
 *   <li>It calls its {@link ProviderSettings#baseUrl()} when set, so that staging and mock
 *       endpoints work, and sends {@link ProviderSettings#apiKey()} only to it.
 *   <li>It never logs the address, the key or what it found; a reason names a status and a short
 *       phrase, no more.
 *   <li>A provider whose service answers asynchronously may {@linkplain #acceptsCallbacks accept
 *       callbacks}: its lookups then carry a {@link Lookup#callbackUrl()} to hand to the service,
 *       and what the service later POSTs there is read by {@link #readCallback}.
 * </ul>
 */
public interface EnrichmentProvider {

  /** The name observations cite as {@code enrichment:<id>}, unique among the providers. */
  String id();

  /** What one lookup asks about, and so what its result is cached by. */
  Subject subject();

  /**
   * Whether a lookup can find anything for this address. A company lookup is pointless for a
   * free-mail or disposable address, a person lookup for a role address; those cost nothing.
   */
  boolean accepts(EmailClass email);

  /** Whether results are worth caching: not for a provider that asks no one. */
  boolean cached();

  LookupResult lookUp(Lookup lookup);

  /**
   * Whether the service can POST its answer to a URL given with the lookup, so that a queued lookup
   * is answered as soon as the service has it rather than when the job asks again. The pipeline
   * then gives its lookups a {@link Lookup#callbackUrl()}, when Rapport knows its public address
   * ({@code rapport.enrichment.webhooks.base-url}, else the issuer).
   */
  default boolean acceptsCallbacks() {
    return false;
  }

  /**
   * Reads what the service POSTed to a lookup's callback URL. The URL's secret has been checked
   * already; a provider whose service also signs its callbacks checks the signature here.
   *
   * @param body the request body as sent, at most {@link EnrichmentCallbacks#MAX_BODY_BYTES}
   * @param headers the request headers, by lower-case name
   * @return a match with findings or a no-match, stored as the lookup's answer; an {@link
   *     LookupResult#error} for a body it cannot read or trust, which stores nothing
   */
  default LookupResult readCallback(byte[] body, Map<String, List<String>> headers) {
    throw new UnsupportedOperationException(id() + " does not accept callbacks");
  }
}
