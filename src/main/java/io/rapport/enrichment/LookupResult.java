package io.rapport.enrichment;

import java.time.Duration;
import java.util.List;

/**
 * What a provider answered for one lookup. A provider answers with one of the factories below, and
 * the pipeline acts on each:
 *
 * <ul>
 *   <li>{@link #match} with findings, {@link #noMatch}: cached for the provider's {@code cache-for}
 *       (a no-match at most 7 days), stored as observations.
 *   <li>{@link #queued} (an asynchronous API still looking): the user's job runs again after {@code
 *       retryAfter}.
 *   <li>{@link #error} with a {@code retryAfter} for what may work later: a timeout, a 5xx; {@link
 *       #throttled} for a 429. Give the service's {@code Retry-After} when it sent one, else {@link
 *       Duration#ZERO}, which means "when the job's backoff says". The job runs again after the
 *       longer of the two. The call is not retried within the job: the job itself is the retry, so
 *       that no thread waits on a failing service. Such errors count towards the provider's circuit
 *       breaker.
 *   <li>{@link #error} with no {@code retryAfter} for what will not work later either (a body that
 *       cannot be read, a request the service calls malformed): not asked again for this user.
 *   <li>{@link #refused} when the service refuses the credentials (401, 403): the provider is
 *       disabled at once on every node, the reason kept for the console, an audit event and a WARN
 *       line tell the administrator, and it is not asked again until its key or settings change.
 * </ul>
 *
 * @param findings what it found, when it matched; empty otherwise
 * @param retryAfter when to ask again, for {@code QUEUED} and for errors worth retrying; else null
 * @param reason for errors: what went wrong, for operators, without personal data; else null
 * @param refused whether the service refused the provider's credentials (an {@code ERROR})
 * @param throttled whether the service asked to be called less often (a 429: an {@code ERROR} to
 *     retry), which says nothing of its health
 */
public record LookupResult(
    LookupOutcome outcome,
    List<Finding> findings,
    Duration retryAfter,
    String reason,
    boolean refused,
    boolean throttled) {

  public LookupResult {
    findings = List.copyOf(findings);
  }

  public LookupResult(
      LookupOutcome outcome, List<Finding> findings, Duration retryAfter, String reason) {
    this(outcome, findings, retryAfter, reason, false, false);
  }

  public static LookupResult match(List<Finding> findings) {
    return new LookupResult(LookupOutcome.MATCH, findings, null, null);
  }

  public static LookupResult noMatch() {
    return new LookupResult(LookupOutcome.NO_MATCH, List.of(), null, null);
  }

  public static LookupResult queued(Duration retryAfter) {
    return new LookupResult(LookupOutcome.QUEUED, List.of(), retryAfter, null);
  }

  /**
   * A failure worth retrying later (a timeout, a 5xx: {@code retryAfter} from the service's {@code
   * Retry-After}, or zero), or never ({@code retryAfter} null).
   */
  public static LookupResult error(String reason, Duration retryAfter) {
    return new LookupResult(LookupOutcome.ERROR, List.of(), retryAfter, reason);
  }

  /**
   * The service refused the credentials (401, 403): the provider is disabled with this reason.
   *
   * @param reason what the administrator reads, such as {@code "401 Unauthorized: invalid key"};
   *     never the key itself
   */
  public static LookupResult refused(String reason) {
    return new LookupResult(LookupOutcome.ERROR, List.of(), null, reason, true, false);
  }

  /**
   * The service asked to be called less often (429): asked again after {@code retryAfter} (its
   * {@code Retry-After}, or zero for the job's backoff). Unlike other errors it does not count
   * against the circuit breaker: a service that says "slow down" is up, and the shared rate limit
   * already paces the calls; opening the circuit on it would only hold back every waiting job.
   */
  public static LookupResult throttled(String reason, Duration retryAfter) {
    return new LookupResult(LookupOutcome.ERROR, List.of(), retryAfter, reason, false, true);
  }

  /** Whether this is an error worth trying again, which the circuit breaker counts. */
  boolean retryableError() {
    return outcome == LookupOutcome.ERROR && !refused && retryAfter != null;
  }
}
