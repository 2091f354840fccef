package io.rapport.enrichment;

import io.rapport.platform.egress.Egress;
import io.rapport.platform.egress.EgressException;
import io.rapport.platform.egress.EgressRequest;
import io.rapport.platform.egress.EgressResponse;
import java.net.IDN;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The {@code website} provider: needs no key; reads the home page of the email's company domain and
 * takes the organisation's name, description, logo and social profiles from its structured data
 * ({@link CompanyPage}). It asks {@code https://<domain>/}, and {@code https://www.<domain>/} when
 * the first cannot be reached at all (no such host, nothing listening, TLS failing): many companies
 * serve their site on the www name only. It follows at most {@value #MAX_REDIRECTS} redirects and
 * reads at most {@value #MAX_PAGE_BYTES} bytes, through {@link Egress}, which refuses private,
 * loopback and link-local addresses unless the operator allows them.
 *
 * <p>A lookup is per company domain, and cached: a hundred sign-ups from one company cost one
 * fetch. A page that says nothing readable, or cannot be read for good (too large, redirecting in
 * circles, on a refused address), is a no-match, cached like one; a fault that may pass (a timeout,
 * a broken connection, a 429 or 5xx) is an error worth retrying.
 */
@Component
final class WebsiteProviderType implements ProviderType {

  static final String TYPE = "website";
  static final int MAX_REDIRECTS = 3;
  static final int MAX_PAGE_BYTES = 2 * 1024 * 1024;

  /** When a site failed in a way that may pass and did not say when to come back. */
  static final Duration RETRY_AFTER_FAULT = Duration.ofMinutes(10);

  private static final Duration MOST_RETRY_AFTER = Duration.ofDays(1);
  private static final Logger log = LoggerFactory.getLogger(WebsiteProviderType.class);

  private final Egress egress;

  WebsiteProviderType(Egress egress) {
    this.egress = egress;
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public boolean needsApiKey() {
    return false;
  }

  @Override
  public EnrichmentProvider create(ProviderSettings settings) {
    return new Provider(settings.id(), settings.timeout());
  }

  private final class Provider implements EnrichmentProvider {

    private final String id;
    private final Duration timeout;

    Provider(String id, Duration timeout) {
      this.id = id;
      this.timeout = timeout;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public Subject subject() {
      return Subject.COMPANY;
    }

    /** Only an organisation's domain has a site about the organisation; gmail.com has not. */
    @Override
    public boolean accepts(EmailClass email) {
      return email.kind().organisation();
    }

    @Override
    public boolean cached() {
      return true;
    }

    @Override
    public LookupResult lookUp(Lookup lookup) {
      Optional<String> host = asciiHost(lookup.domain());
      if (host.isEmpty()) {
        return nothing("the domain is not a host name");
      }
      try {
        return answer(fetch(host.get()));
      } catch (EgressException e) {
        return failed(e);
      } catch (RuntimeException e) {
        // A page jsoup or Jackson could not cope with: a fault of ours, not of the site.
        log.warn(
            "RAPPORT-ENRICH-022 Provider '{}' could not read a page: {}",
            id,
            e.getClass().getName());
        log.debug("RAPPORT-ENRICH-022 Reading the page failed", e);
        return LookupResult.error("unreadable page (" + e.getClass().getSimpleName() + ")", null);
      }
    }

    private EgressResponse fetch(String host) throws EgressException {
      try {
        return egress.send(homePage(host));
      } catch (EgressException e) {
        if (!unreachable(e) || host.startsWith("www.")) {
          throw e;
        }
        log.debug("RAPPORT-ENRICH-023 The bare domain is unreachable ({}); trying www", e.kind());
        return egress.send(homePage("www." + host));
      }
    }

    private EgressRequest homePage(String host) {
      return EgressRequest.get(URI.create("https://" + host + "/"))
          .withHeader("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1")
          .withHeader("Accept-Language", "en;q=0.9, *;q=0.5")
          .withTimeout(timeout)
          .withRedirects(MAX_REDIRECTS)
          .withMaxBodyBytes(MAX_PAGE_BYTES);
    }
  }

  private static boolean unreachable(EgressException e) {
    return e.kind() == EgressException.Kind.UNKNOWN_HOST
        || e.kind() == EgressException.Kind.CONNECT_FAILED;
  }

  private static LookupResult answer(EgressResponse response) {
    int status = response.status();
    if (status == 429) {
      return LookupResult.throttled("HTTP 429 from the website", retryAfter(response));
    }
    if (status >= 500) {
      return LookupResult.error("HTTP " + status + " from the website", retryAfter(response));
    }
    if (!response.successful()) {
      return nothing("HTTP " + status);
    }
    String type = response.header("Content-Type").orElse("text/html").toLowerCase(Locale.ROOT);
    if (!type.contains("html")) {
      return nothing("not an HTML page");
    }
    List<Finding> findings =
        CompanyPage.parse(response.body(), response.charset().orElse(null), response.uri())
            .findings();
    return findings.isEmpty()
        ? nothing("no name, description or logo on the page")
        : LookupResult.match(findings);
  }

  /**
   * A fault that may pass is retried; one that will not (no site, refused, too large, redirecting
   * in circles) is a no-match, so that the cache keeps the next sign-ups from asking again.
   */
  private static LookupResult failed(EgressException e) {
    return switch (e.kind()) {
      case TIMEOUT, BROKEN -> {
        log.debug("RAPPORT-ENRICH-021 The website failed, to be retried: {}", e.kind());
        yield LookupResult.error(reason(e), RETRY_AFTER_FAULT);
      }
      default -> nothing(reason(e));
    };
  }

  /** The kind of fault, without the host: it is the user's email domain. */
  private static String reason(EgressException e) {
    return "website: " + e.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private static LookupResult nothing(String reason) {
    log.debug("RAPPORT-ENRICH-020 The website said nothing usable: {}", reason);
    return LookupResult.noMatch();
  }

  /** Retry-After in seconds (RFC 9110 section 10.2.3), kept between a minute and a day. */
  private static Duration retryAfter(EgressResponse response) {
    try {
      return response
          .header("Retry-After")
          .map(value -> Duration.ofSeconds(Long.parseLong(value.trim())))
          .map(asked -> asked.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1) : asked)
          .map(asked -> asked.compareTo(MOST_RETRY_AFTER) > 0 ? MOST_RETRY_AFTER : asked)
          .orElse(RETRY_AFTER_FAULT);
    } catch (NumberFormatException httpDate) {
      return RETRY_AFTER_FAULT;
    }
  }

  /** The domain as DNS knows it: {@code münchen.example} is {@code xn--mnchen-3ya.example}. */
  private static Optional<String> asciiHost(String domain) {
    try {
      String ascii = IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
      return ascii.matches("[a-z0-9.-]+") ? Optional.of(ascii) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
