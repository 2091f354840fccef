package io.rapport.enrichment;

import io.rapport.platform.egress.Egress;
import io.rapport.platform.egress.EgressException;
import io.rapport.platform.egress.EgressRequest;
import io.rapport.platform.egress.EgressResponse;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The {@code hunter} provider: Hunter's combined enrichment, {@code GET
 * https://api.hunter.io/v2/combined/find?email=...}, its key in the {@code X-API-KEY} header
 * (Hunter takes it there or as {@code api_key}; a header keeps it out of URLs that proxies log).
 * Hunter answers {@code {"data": {"person": ..., "company": ...}}} with the person and the company
 * in Clearbit's format, read by {@link ClearbitMapping}. It has no webhooks.
 *
 * <p>Hunter's status codes differ from Clearbit's: 403 means its rate limit was reached (not a
 * refused key: only 401 is), 429 that the account's monthly requests are used up, and 451 that the
 * person asked Hunter not to process their data (a no-match).
 */
@Component
final class HunterProviderType implements ProviderType {

  static final String TYPE = "hunter";
  static final String DEFAULT_BASE_URL = "https://api.hunter.io";

  /** After a 429 (the month's requests are used up): asked again when the job's backoff says. */
  static final Duration USAGE_RETRY = Duration.ofHours(1);

  private final Egress egress;

  HunterProviderType(Egress egress) {
    this.egress = egress;
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public boolean needsApiKey() {
    return true;
  }

  @Override
  public EnrichmentProvider create(ProviderSettings settings) {
    return new Provider(settings);
  }

  private final class Provider implements EnrichmentProvider {

    private final ProviderSettings settings;

    Provider(ProviderSettings settings) {
      this.settings = settings;
    }

    @Override
    public String id() {
      return settings.id();
    }

    /** A person lookup, by address, as {@code clearbit}'s (see there why). */
    @Override
    public Subject subject() {
      return Subject.PERSON;
    }

    @Override
    public boolean accepts(EmailClass email) {
      return !email.role() && email.kind() != DomainKind.DISPOSABLE;
    }

    @Override
    public boolean cached() {
      return true;
    }

    @Override
    public LookupResult lookUp(Lookup lookup) {
      String base = settings.baseUrlOr(DEFAULT_BASE_URL);
      EgressRequest request =
          EgressRequest.get(
                  URI.create(
                      base
                          + "/v2/combined/find?email="
                          + ClearbitProviderType.encode(lookup.email())))
              .withHeader("X-API-KEY", settings.apiKey())
              .withHeader("Accept", "application/json")
              .withTimeout(settings.timeout())
              .withRedirects(0)
              .withMaxBodyBytes(CombinedApiAnswers.MAX_ANSWER_BYTES);
      try {
        return answer(egress.send(request));
      } catch (EgressException e) {
        if (e.kind() == EgressException.Kind.BODY_TOO_LARGE) {
          return CombinedApiAnswers.unusable(id(), "an answer over 1 MiB");
        }
        return CombinedApiAnswers.failed(id(), e);
      }
    }

    private LookupResult answer(EgressResponse response) {
      int status = response.status();
      return switch (status) {
        case 200 -> CombinedApiAnswers.matched(id(), response, true);
        case 202 -> LookupResult.queued(ClearbitProviderType.QUEUED_RETRY);
        case 404, 451 -> LookupResult.noMatch();
        case 401 -> LookupResult.refused("HTTP 401 from Hunter: key refused");
        // Hunter's 403 is its rate limit, not a refused key: a 429 by another number.
        case 403 ->
            LookupResult.throttled(
                "HTTP 403 from Hunter: rate limit",
                RetryAfter.parse(response.header("Retry-After").orElse(null), Instant.now()));
        case 429 ->
            LookupResult.error("HTTP 429 from Hunter: monthly requests used up", USAGE_RETRY);
        default ->
            status >= 500
                ? CombinedApiAnswers.retryLater(id(), response)
                : CombinedApiAnswers.unusable(id(), "HTTP " + status);
      };
    }
  }
}
