import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The services the enrichment benchmark's Rapport calls, on loopback, in one JDK HttpServer:
 *
 * <ul>
 *   <li>company home pages: every {@code firmN.bench.example} (the host Rapport meant arrives in
 *       {@code X-Forwarded-Host}, since Rapport's egress maps {@code *.bench.example} here) answers
 *       a page with a JSON-LD {@code Organization} named "Firm N"; any other host answers 404.
 *       Requests are counted per host.
 *   <li>Clearbit's combined lookup, {@code GET /v2/combined/find?email=...}, in Clearbit's
 *       documented shape (a person, and for a company address the company), enforcing its own rate
 *       limit over a sliding 60 s window: a call over it is answered 429 with {@code Retry-After}
 *       and counted as refused. In "down" mode it answers 503 instead.
 *   <li>{@code GET /_bench/stats}: the counters, as JSON; {@code POST /_bench/clearbit?mode=up|down}.
 * </ul>
 *
 * <p>Every page and every Clearbit answer (200, 404, 503) is sent after the latency; a 429 at once,
 * as a rate limiter in front of a service does. Requests run on virtual threads, so that waiting
 * costs no thread. Run: {@code java FakeServices.java --latency-ms=150 --rpm=600}; it prints {@code
 * FAKE READY port=N}.
 */
public final class FakeServices {

  private static final Pattern FIRM = Pattern.compile("firm(\\d+)\\.bench\\.example");
  private static final String[] SENIORITY = {"executive", "director", "manager", null};
  private static final String[] ROLE = {"engineering", "sales", "marketing", "finance", "hr"};

  private final long latencyMillis;
  private final int rpm;
  private final ArrayDeque<Long> window = new ArrayDeque<>();
  private volatile boolean clearbitDown;

  private final Map<String, LongAdder> pageRequests = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> clearbitByEmail = new ConcurrentHashMap<>();
  private final LongAdder clearbitAnswered = new LongAdder();
  private final LongAdder clearbitRefused = new LongAdder();
  private final LongAdder clearbitDownAnswers = new LongAdder();
  private final LongAdder clearbitUnauthorized = new LongAdder();
  private final AtomicLong firstClearbitMillis = new AtomicLong();
  private final AtomicLong lastClearbitMillis = new AtomicLong();
  private final AtomicLong peakWindow = new AtomicLong();
  private final AtomicLong upAgainMillis = new AtomicLong();
  private final AtomicLong firstAnswerAfterUpMillis = new AtomicLong();

  FakeServices(long latencyMillis, int rpm) {
    this.latencyMillis = latencyMillis;
    this.rpm = rpm;
  }

  public static void main(String[] args) throws IOException {
    long latency = 150;
    int rpm = 600;
    int port = 0;
    for (String arg : args) {
      String[] pair = arg.replaceFirst("^--", "").split("=", 2);
      switch (pair[0]) {
        case "latency-ms" -> latency = Long.parseLong(pair[1]);
        case "rpm" -> rpm = Integer.parseInt(pair[1]);
        case "port" -> port = Integer.parseInt(pair[1]);
        default -> throw new IllegalArgumentException("Unknown argument " + arg);
      }
    }
    FakeServices fake = new FakeServices(latency, rpm);
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", fake::handle);
    server.start();
    System.out.println("FAKE READY port=" + server.getAddress().getPort());
    System.out.flush();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (path.equals("/_bench/stats")) {
        send(exchange, 200, "application/json", stats());
      } else if (path.equals("/_bench/clearbit")) {
        boolean down = "down".equals(query(exchange).get("mode"));
        if (clearbitDown && !down) {
          upAgainMillis.set(System.currentTimeMillis());
          firstAnswerAfterUpMillis.set(0);
        }
        clearbitDown = down;
        send(exchange, 200, "text/plain", clearbitDown ? "down" : "up");
      } else if (path.equals("/v2/combined/find")) {
        clearbit(exchange);
      } else {
        homePage(exchange);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void homePage(HttpExchange exchange) throws IOException, InterruptedException {
    String host = exchange.getRequestHeaders().getFirst("X-Forwarded-Host");
    if (host == null) {
      host = exchange.getRequestHeaders().getFirst("Host");
    }
    host = host == null ? "" : host.toLowerCase(Locale.ROOT).replaceFirst(":\\d+$", "");
    pageRequests.computeIfAbsent(host, h -> new LongAdder()).increment();
    Thread.sleep(latencyMillis);
    Matcher firm = FIRM.matcher(host);
    if (!firm.matches() || !exchange.getRequestURI().getPath().equals("/")) {
      send(exchange, 404, "text/html", "<!doctype html><title>Not found</title>");
      return;
    }
    String n = firm.group(1);
    String page =
        """
        <!doctype html><html><head><title>Firm %1$s - Home</title>
        <script type="application/ld+json">
        {"@context": "https://schema.org", "@type": "Organization", "name": "Firm %1$s",
         "url": "https://%2$s/", "description": "Firm %1$s makes things for the benchmark.",
         "logo": "https://%2$s/logo.png",
         "sameAs": ["https://www.linkedin.com/company/firm-%1$s", "https://github.com/firm-%1$s"]}
        </script></head><body><h1>Firm %1$s</h1></body></html>
        """
            .formatted(n, host);
    send(exchange, 200, "text/html; charset=utf-8", page);
  }

  private void clearbit(HttpExchange exchange) throws IOException, InterruptedException {
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      clearbitUnauthorized.increment();
      send(exchange, 401, "application/json", "{\"error\":{\"type\":\"auth_required\"}}");
      return;
    }
    long retryAfterSeconds = admit();
    if (retryAfterSeconds > 0) {
      clearbitRefused.increment();
      exchange.getResponseHeaders().set("Retry-After", Long.toString(retryAfterSeconds));
      send(exchange, 429, "application/json", "{\"error\":{\"type\":\"rate_limit\"}}");
      return;
    }
    String email = query(exchange).getOrDefault("email", "");
    long now = System.currentTimeMillis();
    firstClearbitMillis.compareAndSet(0, now);
    Thread.sleep(latencyMillis);
    if (clearbitDown) {
      clearbitDownAnswers.increment();
      send(exchange, 503, "application/json", "{\"error\":{\"type\":\"unavailable\"}}");
      return;
    }
    clearbitByEmail.computeIfAbsent(email, e -> new LongAdder()).increment();
    clearbitAnswered.increment();
    lastClearbitMillis.accumulateAndGet(System.currentTimeMillis(), Math::max);
    if (upAgainMillis.get() > 0) {
      firstAnswerAfterUpMillis.compareAndSet(0, System.currentTimeMillis());
    }
    send(exchange, 200, "application/json", combined(email));
  }

  /**
   * Takes one call in the sliding window of the last 60 s: 0 when it may be answered, else the
   * seconds until the oldest call in the window leaves it.
   */
  private synchronized long admit() {
    long now = System.nanoTime();
    long minute = 60_000_000_000L;
    while (!window.isEmpty() && now - window.peekFirst() >= minute) {
      window.removeFirst();
    }
    if (window.size() >= rpm) {
      return Math.max(1, (window.peekFirst() + minute - now + 999_999_999L) / 1_000_000_000L);
    }
    window.addLast(now);
    peakWindow.accumulateAndGet(window.size(), Math::max);
    return 0;
  }

  /** A combined answer in Clearbit's shape; for a firmN address it has the company too. */
  private static String combined(String email) {
    int at = email.indexOf('@');
    String local = at < 0 ? email : email.substring(0, at);
    String domain = at < 0 ? "" : email.substring(at + 1).toLowerCase(Locale.ROOT);
    int hash = Math.floorMod(email.hashCode(), 1000);
    Matcher firm = FIRM.matcher(domain);
    String seniority = SENIORITY[hash % SENIORITY.length];
    String employment =
        firm.matches()
            ? """
              {"domain": "%s", "name": "Firm %s", "title": "Engineer %d", "role": "%s",
               "subRole": null, "seniority": %s}"""
                .formatted(domain, firm.group(1), hash, ROLE[hash % ROLE.length],
                    seniority == null ? "null" : "\"" + seniority + "\"")
            : """
              {"domain": null, "name": null, "title": null, "role": null, "subRole": null,
               "seniority": null}""";
    String person =
        """
        {"id": "p-%1$d", "name": {"fullName": "Bench %2$s", "givenName": "Bench",
         "familyName": "%2$s"}, "email": "%3$s", "location": "Berlin, Germany",
         "timeZone": "Europe/Berlin", "utcOffset": 1,
         "geo": {"city": "Berlin", "state": "Berlin", "stateCode": "BE", "country": "Germany",
          "countryCode": "DE", "lat": 52.52, "lng": 13.40},
         "bio": null, "site": null, "avatar": null, "employment": %4$s,
         "facebook": {"handle": null}, "github": {"handle": null}, "twitter": {"handle": null},
         "linkedin": {"handle": "in/bench-%1$d"}, "googleplus": {"handle": null},
         "gravatar": {"handle": null, "urls": [], "avatar": null, "avatars": []},
         "fuzzy": false, "emailProvider": %5$s, "indexedAt": "2026-11-02T10:12:44.000Z"}"""
            .formatted(hash, json(local), json(email), employment, !firm.matches());
    String company =
        firm.matches()
            ? """
              {"id": "c-%1$s", "name": "Firm %1$s", "legalName": "Firm %1$s Ltd",
               "domain": "%2$s", "domainAliases": [],
               "category": {"sector": "Industrials", "industryGroup": "Capital Goods",
                "industry": "Machinery", "subIndustry": "Machinery", "sicCode": "35",
                "naicsCode": "33"},
               "description": "Firm %1$s makes things for the benchmark.", "foundedYear": 1990,
               "geo": {"city": "Berlin", "country": "Germany", "countryCode": "DE"},
               "logo": "https://%2$s/logo.png", "facebook": {"handle": null},
               "linkedin": {"handle": "company/firm-%1$s"}, "twitter": {"handle": null},
               "emailProvider": false, "type": "private",
               "metrics": {"employees": 120, "employeesRange": "51-250"},
               "indexedAt": "2026-10-28T08:00:00.000Z", "tech": [], "parent": {"domain": null}}"""
                .formatted(firm.group(1), domain)
            : "null";
    return "{\"person\": " + person + ", \"company\": " + company + "}";
  }

  private String stats() {
    StringBuilder json = new StringBuilder("{");
    long pages = pageRequests.values().stream().mapToLong(LongAdder::sum).sum();
    long hostsMoreThanOnce = pageRequests.values().stream().filter(c -> c.sum() > 1).count();
    long emailsMoreThanOnce = clearbitByEmail.values().stream().filter(c -> c.sum() > 1).count();
    json.append("\"pageRequests\": ").append(pages);
    json.append(", \"pageHosts\": ").append(pageRequests.size());
    json.append(", \"pageHostsFetchedMoreThanOnce\": ").append(hostsMoreThanOnce);
    json.append(", \"clearbitAnswered\": ").append(clearbitAnswered.sum());
    json.append(", \"clearbitEmails\": ").append(clearbitByEmail.size());
    json.append(", \"clearbitEmailsAskedMoreThanOnce\": ").append(emailsMoreThanOnce);
    json.append(", \"clearbitRefused\": ").append(clearbitRefused.sum());
    json.append(", \"clearbitDownAnswers\": ").append(clearbitDownAnswers.sum());
    json.append(", \"clearbitUnauthorized\": ").append(clearbitUnauthorized.sum());
    json.append(", \"clearbitPeakWindow\": ").append(peakWindow.get());
    json.append(", \"firstClearbitMillis\": ").append(firstClearbitMillis.get());
    json.append(", \"lastClearbitMillis\": ").append(lastClearbitMillis.get());
    json.append(", \"firstAnswerAfterUpMillis\": ").append(firstAnswerAfterUpMillis.get());
    json.append(", \"clearbitDown\": ").append(clearbitDown ? 1 : 0);
    return json.append("}").toString();
  }

  private static Map<String, String> query(HttpExchange exchange) {
    Map<String, String> values = new ConcurrentHashMap<>();
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        String[] parts = pair.split("=", 2);
        values.put(
            URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
            parts.length < 2 ? "" : URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
      }
    }
    return values;
  }

  private static String json(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  private static void send(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
