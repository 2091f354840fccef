package io.rapport.enrichment;

import io.rapport.platform.egress.Egress;
import io.rapport.platform.egress.EgressException;
import io.rapport.platform.egress.EgressRequest;
import io.rapport.platform.egress.EgressResponse;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The {@code people-data-labs} provider: People Data Labs' Person Enrichment API v5, {@code GET
 * /v5/person/enrich?email=...} with the key in {@code X-Api-Key}. It answers a person with a {@code
 * likelihood} from 1 to 10, which becomes the findings' confidence ({@link PeopleDataLabsPerson}).
 *
 * <p>It asks with {@code min_likelihood=}{@value #MIN_LIKELIHOOD}: PDL charges per match, and a
 * match below that is as likely another person as this one, so it would cost a credit for data that
 * the profile should not take. PDL then answers 404 for those, a no-match.
 *
 * <p>What PDL answers (docs.peopledatalabs.com, "Errors & Status Codes", "Usage Limits"):
 *
 * <ul>
 *   <li>200, a match; 404, no match.
 *   <li>401, 403: the key is refused, and so is 402 ({@code payment_required}: the account's
 *       credits are spent). A 402 will not pass by retrying: each call until the administrator buys
 *       credits or the month's credits renew would be refused too, so the provider is disabled with
 *       that reason, which the console shows, and enabled again by the administrator.
 *   <li>429: an error to retry when the service said: its {@code Retry-After} when sent, else its
 *       {@code x-ratelimit-reset}, a UTC timestamp of when its fixed rate window ends.
 *   <li>5xx and faults of the connection: an error to retry, after {@code Retry-After} when sent.
 *   <li>Anything else (a 400, a redirect, a body that is not a person): an error not retried for
 *       this user.
 * </ul>
 */
@Component
final class PeopleDataLabsProviderType implements ProviderType {

  static final String TYPE = "people-data-labs";
  static final String DEFAULT_BASE_URL = "https://api.peopledatalabs.com";
  static final int MIN_LIKELIHOOD = 6;

  /**
   * A person record is 10 to 60 KB (work history, education, profiles); a body over this is not a
   * person record and is not read.
   */
  static final int MAX_BODY_BYTES = 512 * 1024;

  /** The longest wait a 429 may ask for; a header asking for more is taken as this. */
  static final Duration MOST_RETRY_AFTER = Duration.ofDays(1);

  private static final String SERVICE = "People Data Labs";
  private static final Logger log = LoggerFactory.getLogger(PeopleDataLabsProviderType.class);

  private final Egress egress;
  private final Clock clock;

  @Autowired
  PeopleDataLabsProviderType(Egress egress) {
    this(egress, Clock.systemUTC());
  }

  PeopleDataLabsProviderType(Egress egress, Clock clock) {
    this.egress = egress;
    this.clock = clock;
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
    private final String baseUrl;

    Provider(ProviderSettings settings) {
      this.settings = settings;
      this.baseUrl = settings.baseUrlOr(DEFAULT_BASE_URL);
    }

    @Override
    public String id() {
      return settings.id();
    }

    @Override
    public Subject subject() {
      return Subject.PERSON;
    }

    /** A person lookup: a role address ({@code info@}) is nobody's, a disposable one unknown. */
    @Override
    public boolean accepts(EmailClass email) {
      return PersonFindings.person(email);
    }

    @Override
    public boolean cached() {
      return true;
    }

    @Override
    public LookupResult lookUp(Lookup lookup) {
      try {
        return answer(egress.send(request(lookup)));
      } catch (EgressException e) {
        return failed(e);
      } catch (RuntimeException e) {
        log.warn(
            "RAPPORT-ENRICH-051 Provider '{}' could not read People Data Labs' answer: {}",
            settings.id(),
            e.getClass().getName());
        return LookupResult.error("unreadable answer from " + SERVICE, null);
      }
    }

    private EgressRequest request(Lookup lookup) {
      URI uri =
          URI.create(
              baseUrl
                  + "/v5/person/enrich?email="
                  + URLEncoder.encode(lookup.email(), StandardCharsets.UTF_8)
                  + "&min_likelihood="
                  + MIN_LIKELIHOOD);
      return EgressRequest.get(uri)
          .withHeader("X-Api-Key", settings.apiKey() == null ? "" : settings.apiKey())
          .withHeader("Accept", "application/json")
          .withTimeout(settings.timeout())
          .withMaxBodyBytes(MAX_BODY_BYTES);
    }

    private LookupResult answer(EgressResponse response) {
      int status = response.status();
      return switch (status) {
        case 200 -> person(response);
        case 404 -> LookupResult.noMatch();
        case 401, 403 ->
            LookupResult.refused(
                "HTTP " + status + " from " + SERVICE + ": the API key was refused");
        case 402 ->
            LookupResult.refused("HTTP 402 from " + SERVICE + ": the account's credits are spent");
        default -> otherStatus(response);
      };
    }

    private LookupResult person(EgressResponse response) {
      Optional<PeopleDataLabsPerson> person = PeopleDataLabsPerson.read(response.body());
      if (person.isEmpty()) {
        log.warn(
            "RAPPORT-ENRICH-051 Provider '{}': People Data Labs answered 200 with a body that is"
                + " not a person record ({})",
            settings.id(),
            response.header("Content-Type").orElse("no Content-Type"));
        return LookupResult.error("HTTP 200 from " + SERVICE + " without a person record", null);
      }
      PersonFindings findings = person.get().findings();
      if (findings.dropped() > 0) {
        log.debug(
            "RAPPORT-ENRICH-052 Provider '{}': {} fields of People Data Labs' answer were of a type"
                + " or vocabulary their attributes do not take, and were left out",
            settings.id(),
            findings.dropped());
      }
      return findings.findings().isEmpty()
          ? LookupResult.noMatch()
          : LookupResult.match(findings.findings());
    }

    private LookupResult otherStatus(EgressResponse response) {
      int status = response.status();
      if (status == 429 || status >= 500) {
        Duration retryAfter = retryAfter(response, clock.instant());
        log.debug(
            "RAPPORT-ENRICH-050 Provider '{}': People Data Labs answered {}, to ask again after {}",
            settings.id(),
            status,
            retryAfter);
        String reason = "HTTP " + status + " from " + SERVICE;
        return status == 429
            ? LookupResult.throttled(reason, retryAfter)
            : LookupResult.error(reason, retryAfter);
      }
      log.warn(
          "RAPPORT-ENRICH-053 Provider '{}': People Data Labs answered HTTP {}, which its API does"
              + " not document for a lookup; not retried for this user",
          settings.id(),
          status);
      return LookupResult.error("unexpected HTTP " + status + " from " + SERVICE, null);
    }

    private LookupResult failed(EgressException e) {
      String reason = SERVICE + ": " + e.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
      if (e.kind().transientFault() || e.kind() == EgressException.Kind.UNKNOWN_HOST) {
        log.debug("RAPPORT-ENRICH-050 Provider '{}': {}, to ask again", settings.id(), e.kind());
        return LookupResult.error(reason, Duration.ZERO);
      }
      log.warn(
          "RAPPORT-ENRICH-054 Provider '{}': the call to People Data Labs failed for good: {}",
          settings.id(),
          e.getMessage());
      return LookupResult.error(reason, null);
    }
  }

  /**
   * The wait a 429 or 5xx asks for: {@code Retry-After} when sent, else PDL's {@code
   * x-ratelimit-reset} (an ISO-8601 UTC timestamp), else none; at most {@link #MOST_RETRY_AFTER}.
   */
  static Duration retryAfter(EgressResponse response, Instant now) {
    Duration asked = RetryAfter.parse(response.header("Retry-After").orElse(null), now);
    if (asked.isZero() && response.status() == 429) {
      asked = response.header("x-ratelimit-reset").map(reset -> until(reset, now)).orElse(asked);
    }
    return asked.compareTo(MOST_RETRY_AFTER) > 0 ? MOST_RETRY_AFTER : asked;
  }

  private static Duration until(String timestamp, Instant now) {
    try {
      Duration delay = Duration.between(now, Instant.parse(timestamp.strip().replace("\"", "")));
      return delay.isNegative() ? Duration.ZERO : delay;
    } catch (DateTimeParseException unreadable) {
      return Duration.ZERO;
    }
  }
}
