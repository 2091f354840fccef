package io.rapport.enrichment;

import io.rapport.platform.egress.EgressException;
import io.rapport.platform.egress.EgressResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the Clearbit and Hunter providers share in reading an answer of a combined lookup: faults of
 * the call, a body that is not the documented JSON, and the findings of one that is. Logs name the
 * provider and the kind of fault, never the address, the key or the body.
 */
final class CombinedApiAnswers {

  /** The most an answer may hold; Clearbit's are a few kilobytes. */
  static final int MAX_ANSWER_BYTES = 1024 * 1024;

  private static final Logger log = LoggerFactory.getLogger(CombinedApiAnswers.class);

  private CombinedApiAnswers() {}

  /** A call that got no usable response: worth retrying when the fault may pass. */
  static LookupResult failed(String providerId, EgressException e) {
    String kind = e.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    if (e.kind().transientFault()) {
      log.debug("RAPPORT-ENRICH-041 Provider '{}' failed, to be retried: {}", providerId, kind);
      return LookupResult.error(kind, Duration.ZERO);
    }
    log.warn("RAPPORT-ENRICH-042 Provider '{}' could not be called: {}", providerId, kind);
    return LookupResult.error(kind, null);
  }

  /** A 429 or 5xx: retried after the service's Retry-After, else the job's backoff. */
  static LookupResult retryLater(String providerId, EgressResponse response) {
    log.debug(
        "RAPPORT-ENRICH-041 Provider '{}' answered HTTP {}, to be retried",
        providerId,
        response.status());
    Duration retryAfter =
        RetryAfter.parse(response.header("Retry-After").orElse(null), Instant.now());
    return response.status() == 429
        ? LookupResult.throttled("HTTP 429", retryAfter)
        : LookupResult.error("HTTP " + response.status(), retryAfter);
  }

  /** An answer the provider cannot use and that will not improve if asked again. */
  static LookupResult unusable(String providerId, String reason) {
    log.warn(
        "RAPPORT-ENRICH-040 Provider '{}' gave an answer it cannot use: {}", providerId, reason);
    return LookupResult.error(reason, null);
  }

  /** The findings of a 200's body, or an error for a body that is not the documented JSON. */
  static LookupResult matched(String providerId, EgressResponse response, boolean inData) {
    String type = response.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
    if (type.contains("html")) {
      return unusable(providerId, "HTML instead of JSON");
    }
    try {
      var tree = ClearbitMapping.tree(response.body());
      var combined = inData ? tree.path("data") : tree;
      if (inData && !combined.isObject()) {
        return unusable(providerId, "no data object");
      }
      List<Finding> findings = ClearbitMapping.findings(combined);
      return findings.isEmpty() ? LookupResult.noMatch() : LookupResult.match(findings);
    } catch (ClearbitMapping.UnreadableAnswerException e) {
      return unusable(providerId, e.getMessage());
    }
  }
}
