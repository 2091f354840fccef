package io.rapport.enrichment;

import io.rapport.platform.egress.Egress;
import io.rapport.platform.egress.EgressException;
import io.rapport.platform.egress.EgressRequest;
import io.rapport.platform.egress.EgressResponse;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code fullcontact} provider: FullContact's Enrich API v3, {@code POST /v3/person.enrich}
 * with {@code {"email": ...}} and the key as a Bearer token ({@link FullContactPerson} reads the
 * answer).
 *
 * <p><b>Webhook mode.</b> When the lookup has a callback URL, the request carries it as
 * FullContact's {@code webhookUrl}: FullContact then answers 202 at once and POSTs the person to
 * that URL when it has it, which {@link #readCallback} reads. The job still asks again after {@link
 * #QUEUED_WITH_WEBHOOK}, so that a webhook that never comes loses no lookup; whichever answer comes
 * first is kept.
 *
 * <p>What FullContact answers (docs.fullcontact.com, "Enrich", "Rate Limiting", "Webhooks"):
 *
 * <ul>
 *   <li>200, a person; 404, no match; 202, queued: asked again by the job.
 *   <li>401, 403: the key is refused.
 *   <li>429: FullContact first delays a request up to a second to keep it within the account's rate
 *       and says how long in {@code X-FullContact-RateDelay} (milliseconds); it answers 429 only
 *       when more delay would be needed. The job asks again after {@code Retry-After} when sent,
 *       else after that delay. The legacy {@code X-Rate-Limit-*} headers hold fixed values
 *       (FullContact says so) and are not read.
 *   <li>5xx and faults of the connection: an error to retry; anything else (a 400, a redirect, a
 *       body that is not a person): an error not retried for this user.
 * </ul>
 */
@Component
final class FullContactProviderType implements ProviderType {

  static final String TYPE = "fullcontact";
  static final String DEFAULT_BASE_URL = "https://api.fullcontact.com";

  /** A person with every insight bundle is some 10 KB; far more is not a person. */
  static final int MAX_BODY_BYTES = 512 * 1024;

  /** When the job asks again after a 202 that promised a webhook, should the webhook not come. */
  static final Duration QUEUED_WITH_WEBHOOK = Duration.ofMinutes(10);

  static final Duration MOST_RETRY_AFTER = Duration.ofDays(1);

  private static final String SERVICE = "FullContact";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Logger log = LoggerFactory.getLogger(FullContactProviderType.class);

  private final Egress egress;
  private final Clock clock;

  @Autowired
  FullContactProviderType(Egress egress) {
    this(egress, Clock.systemUTC());
  }

  FullContactProviderType(Egress egress, Clock clock) {
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

    @Override
    public boolean accepts(EmailClass email) {
      return PersonFindings.person(email);
    }

    @Override
    public boolean cached() {
      return true;
    }

    @Override
    public boolean acceptsCallbacks() {
      return true;
    }

    @Override
    public LookupResult lookUp(Lookup lookup) {
      try {
        return answer(egress.send(request(lookup)), lookup.callbackUrl() != null);
      } catch (EgressException e) {
        return failed(e);
      } catch (RuntimeException e) {
        log.warn(
            "RAPPORT-ENRICH-061 Provider '{}' could not read FullContact's answer: {}",
            settings.id(),
            e.getClass().getName());
        return LookupResult.error("unreadable answer from " + SERVICE, null);
      }
    }

    /**
     * A webhook's body: a person, or FullContact's answer without one ({@code "status": 404}). The
     * URL's secret was checked by the endpoint; FullContact does not sign its webhooks.
     */
    @Override
    public LookupResult readCallback(byte[] body, Map<String, List<String>> headers) {
      Optional<FullContactPerson> person = FullContactPerson.read(body);
      if (person.isEmpty()) {
        log.warn(
            "RAPPORT-ENRICH-066 Provider '{}': a FullContact webhook body is not a JSON object",
            settings.id());
        return LookupResult.error("unreadable webhook body from " + SERVICE, null);
      }
      Optional<Integer> status = person.get().status();
      if (status.isPresent() && status.get() == 404) {
        return LookupResult.noMatch();
      }
      if (status.isPresent() && status.get() != 200) {
        log.warn(
            "RAPPORT-ENRICH-066 Provider '{}': a FullContact webhook carried status {}",
            settings.id(),
            status.get());
        return LookupResult.error("webhook with status " + status.get() + " from " + SERVICE, null);
      }
      log.debug("RAPPORT-ENRICH-067 Provider '{}': a FullContact webhook was read", settings.id());
      return person(person.get());
    }

    private EgressRequest request(Lookup lookup) {
      Map<String, String> body = new LinkedHashMap<>();
      body.put("email", lookup.email());
      if (lookup.callbackUrl() != null) {
        body.put("webhookUrl", lookup.callbackUrl());
      }
      return EgressRequest.postJson(
              URI.create(baseUrl + "/v3/person.enrich"), JSON.writeValueAsString(body))
          .withHeader(
              "Authorization", "Bearer " + (settings.apiKey() == null ? "" : settings.apiKey()))
          .withHeader("Accept", "application/json")
          .withTimeout(settings.timeout())
          .withMaxBodyBytes(MAX_BODY_BYTES);
    }

    private LookupResult answer(EgressResponse response, boolean webhook) {
      int status = response.status();
      return switch (status) {
        case 200 -> readPerson(response);
        case 202 -> queued(response, webhook);
        case 404 -> LookupResult.noMatch();
        case 401, 403 ->
            LookupResult.refused(
                "HTTP " + status + " from " + SERVICE + ": the API key was refused");
        default -> otherStatus(response);
      };
    }

    private LookupResult readPerson(EgressResponse response) {
      Optional<FullContactPerson> person = FullContactPerson.read(response.body());
      if (person.isEmpty()) {
        log.warn(
            "RAPPORT-ENRICH-061 Provider '{}': FullContact answered 200 with a body that is not a"
                + " JSON object ({})",
            settings.id(),
            response.header("Content-Type").orElse("no Content-Type"));
        return LookupResult.error("HTTP 200 from " + SERVICE + " without a person", null);
      }
      return person(person.get());
    }

    private LookupResult person(FullContactPerson person) {
      PersonFindings findings = person.findings();
      if (findings.dropped() > 0) {
        log.debug(
            "RAPPORT-ENRICH-062 Provider '{}': {} fields of FullContact's answer were of a type"
                + " their attributes do not take, and were left out",
            settings.id(),
            findings.dropped());
      }
      return findings.findings().isEmpty()
          ? LookupResult.noMatch()
          : LookupResult.match(findings.findings());
    }

    private LookupResult queued(EgressResponse response, boolean webhook) {
      Duration asked =
          RetryAfter.parse(response.header("Retry-After").orElse(null), clock.instant());
      Duration retryAfter =
          webhook && asked.compareTo(QUEUED_WITH_WEBHOOK) < 0 ? QUEUED_WITH_WEBHOOK : asked;
      log.debug(
          "RAPPORT-ENRICH-065 Provider '{}': FullContact queued the lookup{}, to ask again after {}",
          settings.id(),
          webhook ? " and will answer by webhook" : "",
          retryAfter);
      return LookupResult.queued(cap(retryAfter));
    }

    private LookupResult otherStatus(EgressResponse response) {
      int status = response.status();
      if (status == 429 || status >= 500) {
        Duration retryAfter = retryAfter(response);
        log.debug(
            "RAPPORT-ENRICH-060 Provider '{}': FullContact answered {}, to ask again after {}",
            settings.id(),
            status,
            retryAfter);
        String reason = "HTTP " + status + " from " + SERVICE;
        return status == 429
            ? LookupResult.throttled(reason, retryAfter)
            : LookupResult.error(reason, retryAfter);
      }
      log.warn(
          "RAPPORT-ENRICH-063 Provider '{}': FullContact answered HTTP {}, which its API does not"
              + " document for a lookup; not retried for this user",
          settings.id(),
          status);
      return LookupResult.error("unexpected HTTP " + status + " from " + SERVICE, null);
    }

    /** {@code Retry-After} when sent, else on a 429 the {@code X-FullContact-RateDelay}. */
    private Duration retryAfter(EgressResponse response) {
      Duration asked =
          RetryAfter.parse(response.header("Retry-After").orElse(null), clock.instant());
      if (asked.isZero() && response.status() == 429) {
        asked =
            response
                .header("X-FullContact-RateDelay")
                .map(FullContactProviderType::millis)
                .orElse(asked);
      }
      return cap(asked);
    }

    private LookupResult failed(EgressException e) {
      String reason = SERVICE + ": " + e.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
      if (e.kind().transientFault() || e.kind() == EgressException.Kind.UNKNOWN_HOST) {
        log.debug("RAPPORT-ENRICH-060 Provider '{}': {}, to ask again", settings.id(), e.kind());
        return LookupResult.error(reason, Duration.ZERO);
      }
      log.warn(
          "RAPPORT-ENRICH-064 Provider '{}': the call to FullContact failed for good: {}",
          settings.id(),
          e.getMessage());
      return LookupResult.error(reason, null);
    }
  }

  /** A delay in whole milliseconds; zero for one that cannot be read. */
  static Duration millis(String header) {
    try {
      return Duration.ofMillis(Math.max(0, Long.parseLong(header.strip())));
    } catch (NumberFormatException unreadable) {
      return Duration.ZERO;
    }
  }

  private static Duration cap(Duration delay) {
    return delay.compareTo(MOST_RETRY_AFTER) > 0 ? MOST_RETRY_AFTER : delay;
  }
}
