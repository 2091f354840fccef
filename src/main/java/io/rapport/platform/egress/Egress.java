package io.rapport.platform.egress;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Rapport's one way out to other servers. Each call is bounded in time (its timeout covers
 * connecting, redirects and the body) and in bytes; addresses that are not public are refused
 * before anything is sent, unless {@code rapport.egress.allow-private-addresses} is set; redirects
 * are followed only as far as the call asks, each hop checked again; and a host the operator mapped
 * in {@code rapport.egress.host-overrides} is called at its mapped base URL instead, which the
 * guard does not check, being the operator's own choice.
 */
@Component
public final class Egress implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Egress.class);

  private static final String USER_AGENT = "Mozilla/5.0 (compatible; Rapport)";
  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

  /** Headers worth keeping when a redirect leaves the host: nothing that could be a credential. */
  private static final Set<String> PORTABLE_HEADERS = Set.of("accept", "accept-language");

  /** A bound for connecting, below every call's own deadline, which cuts a call off anyway. */
  private static final Timeout CONNECT_TIMEOUT = Timeout.ofSeconds(10);

  private final CloseableHttpClient guarded;
  private final CloseableHttpClient overridden;
  private final HostOverrides overrides;
  private final ScheduledExecutorService deadlines;

  public Egress(EgressProperties properties) {
    AddressGuard guard = new AddressGuard(properties.allowPrivateAddresses());
    this.guarded = client(new GuardedDnsResolver(guard));
    this.overridden = client(SystemDefaultDnsResolver.INSTANCE);
    this.overrides = new HostOverrides(properties.hostOverrides());
    this.deadlines =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("rapport-egress-deadline").daemon().factory());
    // Said at INFO only when the operator changed something, so that a default start prints its
    // one summary line and nothing else.
    boolean changed = properties.allowPrivateAddresses() || overrides.size() > 0;
    String line = "RAPPORT-EGRESS-002 Outbound HTTP: private addresses {}, host overrides {}";
    Object allowed = properties.allowPrivateAddresses() ? "allowed" : "refused";
    Object mapped = overrides.size() == 0 ? "none" : overrides;
    if (changed) {
      log.info(line, allowed, mapped);
    } else {
      log.debug(line, allowed, mapped);
    }
  }

  /**
   * Makes the call, following redirects as far as the request allows.
   *
   * @return the response, whatever its status
   * @throws EgressRefusedException when the host, or a redirect's, resolves to a refused address
   * @throws EgressException when no usable response came (see {@link EgressException.Kind})
   */
  public EgressResponse send(EgressRequest request) throws EgressException {
    long deadline = System.nanoTime() + request.timeout().toNanos();
    Set<URI> visited = new HashSet<>(List.of(request.uri()));
    EgressRequest hop = request;
    for (int redirects = 0; ; redirects++) {
      EgressResponse response = exchange(hop, deadline);
      Optional<String> location = response.header("Location");
      if (request.maxRedirects() == 0
          || !REDIRECTS.contains(response.status())
          || location.isEmpty()) {
        return response;
      }
      URI next = redirectTarget(hop.uri(), location.get());
      if (redirects == request.maxRedirects()) {
        throw new EgressException(
            EgressException.Kind.TOO_MANY_REDIRECTS,
            hop.uri().getHost(),
            "More than " + request.maxRedirects() + " redirects from " + request.uri().getHost());
      }
      if (!visited.add(next)) {
        throw new EgressException(
            EgressException.Kind.TOO_MANY_REDIRECTS,
            hop.uri().getHost(),
            "A redirect loop through " + next.getHost());
      }
      log.debug(
          "RAPPORT-EGRESS-004 Redirect {} from {} to {}",
          response.status(),
          hop.uri().getHost(),
          next.getHost());
      hop = nextHop(hop, response.status(), next);
    }
  }

  /** The header that tells an overridden server which host the call was for. */
  static final String FORWARDED_HOST = "X-Forwarded-Host";

  private EgressResponse exchange(EgressRequest hop, long deadline) throws EgressException {
    URI logical = hop.uri();
    String host = logical.getHost();
    Optional<URI> mapped = overrides.target(logical);
    long remaining = deadline - System.nanoTime();
    if (remaining <= 0) {
      throw timeout(host, null);
    }
    HttpUriRequestBase http = httpRequest(hop, mapped.orElse(logical), remaining);
    if (mapped.isPresent()) {
      // The mapped server gets its own address as Host; this says which host was meant, so that
      // one mock can stand in for many hosts (a *. mapping).
      http.setHeader(FORWARDED_HOST, host);
    }
    AtomicBoolean expired = new AtomicBoolean();
    ScheduledFuture<?> alarm = cancelAtDeadline(http, remaining, expired);
    long start = System.nanoTime();
    try {
      EgressResponse response =
          (mapped.isPresent() ? overridden : guarded)
              .execute(http, answer -> read(answer, logical, hop.maxBodyBytes()));
      log.debug(
          "RAPPORT-EGRESS-003 {} {} answered {} in {} ms",
          hop.method(),
          host,
          response.status(),
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
      return response;
    } catch (GuardedDnsResolver.RefusedAddress refused) {
      throw refusal(refused);
    } catch (BodyTooLarge tooLarge) {
      throw new EgressException(
          EgressException.Kind.BODY_TOO_LARGE,
          host,
          "The body from " + host + " is larger than " + hop.maxBodyBytes() + " bytes");
    } catch (IOException e) {
      throw expired.get() ? timeout(host, e) : failure(host, e);
    } finally {
      alarm.cancel(false);
    }
  }

  /**
   * HttpClient's timeouts bound each wait (for a connection, for the response head, for the next
   * bytes), not the whole call: a server dripping a byte a second would never trip them. So the
   * call is cancelled when its deadline passes, wherever it is.
   */
  private ScheduledFuture<?> cancelAtDeadline(
      HttpUriRequestBase http, long remainingNanos, AtomicBoolean expired) {
    return deadlines.schedule(
        () -> {
          expired.set(true);
          http.cancel();
        },
        remainingNanos,
        TimeUnit.NANOSECONDS);
  }

  private static EgressRefusedException refusal(GuardedDnsResolver.RefusedAddress refused) {
    // The host may be a user's own domain (the website provider calls the email's domain).
    log.warn(
        "RAPPORT-EGRESS-001 Refused a call: its host resolves to {}; nothing was sent",
        refused.reason);
    log.debug("RAPPORT-EGRESS-001 The refused host: {}", refused.host);
    return new EgressRefusedException(refused.host, refused.reason);
  }

  private static HttpUriRequestBase httpRequest(EgressRequest hop, URI target, long remaining) {
    HttpUriRequestBase http =
        hop.method().equals("POST") ? new HttpPost(target) : new HttpGet(target);
    Timeout timeout = Timeout.ofMilliseconds(Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining)));
    http.setConfig(
        RequestConfig.custom()
            .setRedirectsEnabled(false)
            .setConnectionRequestTimeout(timeout)
            .setResponseTimeout(timeout)
            .build());
    hop.headers().forEach(http::setHeader);
    if (hop.jsonBody() != null) {
      http.setEntity(new StringEntity(hop.jsonBody(), ContentType.APPLICATION_JSON));
    }
    return http;
  }

  /** Reads the status, headers and at most the limit of body bytes; more fails the call. */
  private static EgressResponse read(ClassicHttpResponse answer, URI uri, int limit)
      throws IOException {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (Header header : answer.getHeaders()) {
      headers
          .computeIfAbsent(header.getName().toLowerCase(Locale.ROOT), name -> new ArrayList<>())
          .add(header.getValue());
    }
    byte[] body = new byte[0];
    HttpEntity entity = answer.getEntity();
    if (entity != null) {
      if (entity.getContentLength() > limit) {
        throw new BodyTooLarge();
      }
      try (InputStream in = entity.getContent()) {
        body = in.readNBytes(limit + 1);
      }
      if (body.length > limit) {
        throw new BodyTooLarge();
      }
    }
    return new EgressResponse(answer.getCode(), uri, headers, body);
  }

  private static URI redirectTarget(URI from, String location) throws EgressException {
    URI next;
    try {
      next = from.resolve(location.trim());
      next =
          new URI(
              next.getScheme(),
              next.getRawAuthority() == null ? null : next.getAuthority(),
              next.getPath(),
              next.getQuery(),
              null);
    } catch (IllegalArgumentException | URISyntaxException e) {
      throw badRedirect(from, "is not a URL");
    }
    String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || next.getHost() == null) {
      throw badRedirect(from, "is not an http(s) URL");
    }
    return next;
  }

  /**
   * The request to the redirect's target: 303, and 301 or 302 after a POST, continue as a GET
   * without the body, as browsers do (RFC 9110 section 15.4); headers stay only on the same host.
   */
  private static EgressRequest nextHop(EgressRequest hop, int status, URI next) {
    boolean toGet =
        status == 303 || ((status == 301 || status == 302) && hop.method().equals("POST"));
    Map<String, String> headers = new LinkedHashMap<>();
    boolean sameHost = next.getHost().equalsIgnoreCase(hop.uri().getHost());
    hop.headers()
        .forEach(
            (name, value) -> {
              if (sameHost || PORTABLE_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                headers.put(name, value);
              }
            });
    return new EgressRequest(
        toGet ? "GET" : hop.method(),
        next,
        headers,
        toGet ? null : hop.jsonBody(),
        hop.timeout(),
        hop.maxRedirects(),
        hop.maxBodyBytes());
  }

  private static EgressException badRedirect(URI from, String problem) {
    return new EgressException(
        EgressException.Kind.BAD_REDIRECT,
        from.getHost(),
        "A redirect from " + from.getHost() + " " + problem);
  }

  private static EgressException timeout(String host, IOException cause) {
    return new EgressException(
        EgressException.Kind.TIMEOUT, host, "No complete answer from " + host + " in time", cause);
  }

  private static EgressException failure(String host, IOException e) {
    String what = e.getClass().getSimpleName();
    if (e instanceof UnknownHostException) {
      return new EgressException(
          EgressException.Kind.UNKNOWN_HOST, host, host + " does not resolve", e);
    }
    if (e instanceof ConnectException
        || e instanceof NoRouteToHostException
        || e instanceof SSLException) {
      return new EgressException(
          EgressException.Kind.CONNECT_FAILED,
          host,
          "Could not connect to " + host + ": " + what,
          e);
    }
    if (e instanceof InterruptedIOException) {
      // SocketTimeoutException, ConnectTimeoutException: a timeout below the deadline's.
      return timeout(host, e);
    }
    return new EgressException(
        EgressException.Kind.BROKEN, host, "The connection to " + host + " broke: " + what, e);
  }

  private static CloseableHttpClient client(DnsResolver resolver) {
    return HttpClients.custom()
        .setConnectionManager(
            PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(resolver)
                .setMaxConnTotal(50)
                .setMaxConnPerRoute(10)
                .setDefaultConnectionConfig(
                    ConnectionConfig.custom().setConnectTimeout(CONNECT_TIMEOUT).build())
                .build())
        .disableRedirectHandling()
        .disableAutomaticRetries()
        .disableCookieManagement()
        .disableAuthCaching()
        .setUserAgent(USER_AGENT)
        .build();
  }

  @Override
  public void close() throws IOException {
    deadlines.shutdownNow();
    guarded.close();
    overridden.close();
  }

  /** The body limit, reached while reading inside HttpClient, which lets only IOException out. */
  private static final class BodyTooLarge extends IOException {}
}
