package io.rapport.enrichment;

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
}
