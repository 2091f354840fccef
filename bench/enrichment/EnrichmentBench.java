import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rapport's enrichment benchmark: signs users up over HTTP from many company domains and free-mail
 * addresses while Rapport enriches them against {@code FakeServices} (company sites and a Clearbit
 * that answer after a latency and enforce a rate limit), waits until no enrichment job is left,
 * and reads what it cost from Rapport's ledger and from the fake's counters. Measures login
 * latency before, during and after the backlog, and with Clearbit down. See bench/README.md.
 *
 * <p>Compiled together with bench/login/LoginBench.java, whose browser, login flow and CPU probes
 * it reuses: {@code javac -d <dir> bench/login/LoginBench.java bench/enrichment/*.java}.
 */
public final class EnrichmentBench {

  static final String[] FREE_MAIL = {
    "gmail.com", "outlook.com", "yahoo.com", "hotmail.com", "icloud.com", "gmx.de", "web.de",
    "proton.me", "aol.com"
  };
  private static final Pattern COUNTS =
      Pattern.compile(
          "<span>(\\d+)</span> running ·\\s*<span>(\\d+)</span> waiting ·\\s*<span>(\\d+)</span>"
              + " retrying ·\\s*<span>(\\d+)</span> failed");

  private final Map<String, String> options;
  private final HttpClient http;
  private final Target target;
  private final URI fake;
  private final ProcessProbe rapport;
  private final String password =
      "bench-" + HexFormat.of().formatHex(Flows.randomBytes(6)) + "-Pw";
  private Browser admin;
  private final List<String> log = new ArrayList<>();

  EnrichmentBench(Map<String, String> options) {
    this.options = options;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    this.target = new Target(URI.create(options.get("base-url")), "enrichment-bench");
    this.fake = URI.create(options.get("fake-url"));
    this.rapport =
        new ProcessProbe(Long.parseLong(options.get("pid")), number("clk-tck"));
  }

  public static void main(String[] args) throws Exception {
    System.setProperty("jdk.httpclient.keepalive.timeout", "5");
    Map<String, String> options = new LinkedHashMap<>();
    for (String arg : args) {
      int equals = arg.indexOf('=');
      if (!arg.startsWith("--") || equals < 0) {
        throw new IllegalArgumentException("Expected --name=value, got " + arg);
      }
      options.put(arg.substring(2, equals), arg.substring(equals + 1));
    }
    System.exit(new EnrichmentBench(options).run());
  }

  private int number(String name) {
    return Integer.parseInt(options.get(name));
  }

  int run() throws Exception {
    Instant started = Instant.now();
    String loadAtStart = Conditions.readLoadAverage();
    int signups = number("signups");
    int domains = number("domains");
    double freeMail = Double.parseDouble(options.get("freemail"));
    int rpm = number("rpm");

    // Set-up: the application for the logins, the login users, their own enrichment done.
    admin = new Browser(http);
    Flows.signIn(admin, target, options.get("admin-email"), options.get("admin-password"));
    new Setup(http, target, Options.parse(new String[] {
          "--admin-email=" + options.get("admin-email"),
          "--admin-password=" + options.get("admin-password")}))
        .registerApplication();
    List<String> loginUsers = new ArrayList<>();
    for (int i = 0; i < number("login-users"); i++) {
      loginUsers.add(String.format(Locale.ROOT, "login-%04d@logins.bench.example", i));
    }
    signUpAll(loginUsers, number("clients"));
    waitForNoJobs("the login users' enrichment", Duration.ofMinutes(5));
    LoadTurn load = new LoadTurn(http, target, loginUsers, password, number("login-clients"));
    Duration turn = Duration.ofSeconds(number("login-seconds"));

    say("Warm-up: %d s of logins", number("warmup"));
    load.run(Duration.ofSeconds(number("warmup")));
    waitForNoJobs("jobs after the warm-up", Duration.ofMinutes(2));

    List<Turn> turns = new ArrayList<>();
    turns.add(loginTurn("R1 before sign-ups (no job)", load, turn));

    // The sign-ups: company addresses over the domains, free-mail ones, shuffled.
    List<String> emails = mainBatch(signups, domains, freeMail);
    Stats fakeBefore = Stats.read(http, fake);
    say("Signing up %d users (%d company addresses over %d domains, %d free-mail) with %d clients",
        signups, emails.stream().filter(e -> e.contains(".bench.example")).count(), domains,
        emails.stream().filter(e -> !e.contains(".bench.example")).count(), number("clients"));
    Sampler sampler = new Sampler(signedInAdmin(), fake);
    Thread sampling = Thread.ofPlatform().daemon().start(sampler);
    long firstSignup = System.currentTimeMillis();
    signUpAll(emails, number("clients"));
    long lastSignup = System.currentTimeMillis();
    int[] afterSignups = jobCounts();
    say("Signed up in %.1f s; jobs now %d running, %d waiting, %d retrying",
        (lastSignup - firstSignup) / 1e3, afterSignups[0], afterSignups[1], afterSignups[2]);

    turns.add(loginTurn("E  while the backlog runs", load, turn));

    // One provider down: Clearbit answers 503 while the rest of the backlog runs into it (five
    // failures open Rapport's circuit, and the jobs are put off); then it is back.
    say("Clearbit down for one login turn");
    send("/_bench/clearbit?mode=down");
    long downAt = System.currentTimeMillis();
    Stats downBefore = Stats.read(http, fake);
    turns.add(loginTurn("D  Clearbit down, backlog running", load, turn));
    Stats downAfter = Stats.read(http, fake);
    send("/_bench/clearbit?mode=up");
    say("Clearbit up again; jobs now %s", Turn.jobs(jobCounts()));

    long drained = waitForNoJobs("the backlog", Duration.ofMinutes(90));
    Stats fakeAfter = Stats.read(http, fake);
    long outage = fakeAfter.get("firstAnswerAfterUpMillis") == 0
        ? 0 : fakeAfter.get("firstAnswerAfterUpMillis") - downAt;
    sampler.stop();
    sampling.join();
    turns.add(loginTurn("R2 after the backlog (no job)", load, turn));
    Stats end = Stats.read(http, fake);

    // The ledger, from the H2 file once Rapport has stopped (nothing else reads it meanwhile).
    say("Stopping Rapport to read its ledger");
    ProcessHandle.of(Long.parseLong(options.get("pid"))).ifPresent(process -> {
      process.destroy();
      process.onExit().orTimeout(60, TimeUnit.SECONDS).join();
    });
    Ledger ledger = Ledger.read(options.get("jdbc-url"));

    EnrichmentReport report =
        new EnrichmentReport(started, loadAtStart, Conditions.readLoadAverage(), options, signups, domains,
            emails, firstSignup, lastSignup, drained, outage,
            sampler.backlogRate(number("threads"), downAt, downAt + outage),
            fakeBefore, fakeAfter, downBefore,
            downAfter, end, ledger, turns, rpm, log);
    String text = report.markdown();
    System.out.println();
    System.out.println(text);
    Path dir = Path.of(options.get("results-dir"));
    Files.createDirectories(dir);
    Path file = dir.resolve("enrichment-" + started.toString().replace(":", "")
        .replaceAll("\\.\\d+Z$", "Z") + ".md");
    Files.writeString(file, text);
    System.out.println("Written: " + file);
    return 0;
  }

  /** 7 of 10 at company domains (each domain at least once), the rest at free-mail, shuffled. */
  static List<String> mainBatch(int signups, int domains, double freeMail) {
    int free = (int) Math.round(signups * freeMail);
    int company = signups - free;
    if (company < domains) {
      throw new IllegalArgumentException(
          company + " company addresses cannot cover " + domains + " domains");
    }
    List<String> emails = new ArrayList<>(signups);
    for (int i = 0; i < company; i++) {
      emails.add(String.format(Locale.ROOT, "user-%05d@firm%d.bench.example", i, i % domains));
    }
    for (int i = 0; i < free; i++) {
      emails.add(String.format(Locale.ROOT, "bench-%05d@%s", i, FREE_MAIL[i % FREE_MAIL.length]));
    }
    Collections.shuffle(emails, new Random(42));
    return emails;
  }

  /** Signs each address up as a browser does: the sign-up page, then its form with the token. */
  private void signUpAll(List<String> emails, int clients) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<?>> signups = new ArrayList<>();
      for (String email : emails) {
        signups.add(pool.submit(() -> {
          Browser browser = new Browser(http);
          String csrf = Flows.csrfToken("GET /signup", browser.get(target.uri("/signup")));
          Map<String, String> form = new LinkedHashMap<>();
          form.put("email", email);
          form.put("password", password);
          form.put("_csrf", csrf);
          Flows.redirect("POST /signup", browser.post(target.uri("/signup"), form));
          return null;
        }));
      }
      for (Future<?> signup : signups) {
        signup.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  private Browser signedInAdmin() throws Exception {
    Browser browser = new Browser(http);
    Flows.signIn(browser, target, options.get("admin-email"), options.get("admin-password"));
    return browser;
  }

  /** Running, waiting, retrying, failed: the console's jobs page, as an administrator sees it. */
  int[] jobCounts() throws Exception {
    return jobCounts(admin, target);
  }

  static int[] jobCounts(Browser admin, Target target) throws Exception {
    HttpResponse<String> page = admin.get(target.uri("/admin/enrichment/jobs"));
    Flows.expectStatus("GET /admin/enrichment/jobs", page, 200);
    Matcher m = COUNTS.matcher(page.body());
    if (!m.find()) {
      throw new IllegalStateException("No job counts in /admin/enrichment/jobs");
    }
    return new int[] {
      Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
      Integer.parseInt(m.group(4))
    };
  }

  /** Polls the jobs page every 2 s until nothing runs, waits or retries; returns when, in ms. */
  private long waitForNoJobs(String what, Duration limit) throws Exception {
    long start = System.currentTimeMillis();
    long lastReport = start;
    while (true) {
      int[] c = jobCounts();
      long now = System.currentTimeMillis();
      if (c[0] + c[1] + c[2] == 0) {
        say("No job left (%s) after %.0f s; failed %d", what, (now - start) / 1e3, c[3]);
        return now;
      }
      if (now - lastReport >= 20_000) {
        say("  %s: %d running, %d waiting, %d retrying, %d failed", what, c[0], c[1], c[2], c[3]);
        lastReport = now;
      }
      if (now - start > limit.toMillis()) {
        say("Gave up waiting for %s after %s", what, limit);
        return now;
      }
      Thread.sleep(2000);
    }
  }

  /**
   * Every 2 s, the jobs waiting (console) and the Clearbit answers so far (fake): the rate of
   * Clearbit calls over the samples where more jobs waited than the node has threads, which is
   * when the rate limit, not the sign-ups, should bound the pace.
   */
  final class Sampler implements Runnable {

    private final Browser browser;
    private final URI fakeUri;
    private volatile boolean running = true;
    private final List<long[]> samples = new java.util.concurrent.CopyOnWriteArrayList<>();

    Sampler(Browser browser, URI fakeUri) {
      this.browser = browser;
      this.fakeUri = fakeUri;
    }

    void stop() {
      running = false;
    }

    @Override
    public void run() {
      while (running) {
        try {
          int[] c = jobCounts(browser, target);
          long answered = Stats.read(http, fakeUri).get("clearbitAnswered");
          samples.add(new long[] {System.currentTimeMillis(), c[1], answered});
          Thread.sleep(2000);
        } catch (InterruptedException e) {
          return;
        } catch (Exception e) {
          System.out.println("Sampler: " + e);
        }
      }
    }

    /**
     * [calls a minute, seconds covered] over consecutive samples both with a backlog, leaving out
     * those that touch the outage (from Clearbit going down to its first answer after).
     */
    double[] backlogRate(int threads, long outageStart, long outageEnd) {
      double calls = 0;
      double millis = 0;
      for (int i = 1; i < samples.size(); i++) {
        long[] a = samples.get(i - 1);
        long[] b = samples.get(i);
        boolean outage = b[0] >= outageStart && a[0] <= outageEnd;
        if (a[1] > threads && b[1] > threads && !outage) {
          calls += b[2] - a[2];
          millis += b[0] - a[0];
        }
      }
      return new double[] {millis == 0 ? Double.NaN : 60_000 * calls / millis, millis / 1e3};
    }
  }

  private Turn loginTurn(String name, LoadTurn load, Duration length) throws Exception {
    int[] before = jobCounts();
    Stats fakeBefore = Stats.read(http, fake);
    CpuSample cpuBefore = CpuSample.take(rapport);
    LoadTurn.Result result = load.run(length);
    CpuSample.Delta cpu = CpuSample.take(rapport).since(cpuBefore);
    Stats fakeAfter = Stats.read(http, fake);
    int[] after = jobCounts();
    Turn turn = new Turn(name, result.withCpu(cpu), before, after,
        fakeAfter.get("clearbitAnswered") - fakeBefore.get("clearbitAnswered"),
        fakeAfter.get("clearbitDownAnswers") - fakeBefore.get("clearbitDownAnswers"),
        Conditions.readLoadAverage());
    say("%s", turn.line());
    return turn;
  }

  private void send(String path) throws IOException, InterruptedException {
    http.send(HttpRequest.newBuilder(fake.resolve(path)).POST(HttpRequest.BodyPublishers.noBody())
        .build(), HttpResponse.BodyHandlers.discarding());
  }

  private void say(String format, Object... args) {
    String line = String.format(Locale.ROOT, "%s %s", Instant.now().toString().substring(11, 19),
        String.format(Locale.ROOT, format, args));
    System.out.println(line);
    log.add(line);
  }
}

/** One login turn and what the enrichment did meanwhile. */
record Turn(
    String name,
    LoadTurn.Result result,
    int[] jobsBefore,
    int[] jobsAfter,
    long clearbitCalls,
    long clearbitDown,
    String loadAverage) {

  double cores(double seconds) {
    return seconds / result.cpu().wallSeconds();
  }

  static String jobs(int[] c) {
    return c[0] + c[1] + c[2] + (c[2] > 0 ? " (" + c[2] + " retrying)" : "");
  }

  /** Rapport's thread groups that took the most CPU in the turn, in cores. */
  String topThreads() {
    return result.cpu().threads().entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .limit(5)
        .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), cores(e.getValue())))
        .reduce((a, b) -> a + ", " + b)
        .orElse("");
  }

  String line() {
    return String.format(Locale.ROOT,
        "%s: %.1f logins/s, p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, %d errors | jobs %s -> %s,"
            + " Clearbit 200s %d, 503s %d | cores: Rapport %.2f, driver %.2f, others %.2f"
            + " | Rapport's busiest threads, cores: %s",
        name, result.loginsPerSecond(), result.percentileMillis(50), result.percentileMillis(95),
        result.percentileMillis(99), result.errors(), jobs(jobsBefore), jobs(jobsAfter),
        clearbitCalls, clearbitDown, cores(result.cpu().rapport()), cores(result.cpu().driver()),
        cores(result.cpu().others()), topThreads());
  }
}

/** The fake services' counters at one moment. */
record Stats(Map<String, Long> values) {

  private static final Pattern FIELD = Pattern.compile("\"(\\w+)\": (\\d+)");

  static Stats read(HttpClient http, URI fake) throws IOException, InterruptedException {
    String body = http.send(HttpRequest.newBuilder(fake.resolve("/_bench/stats")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    Map<String, Long> values = new LinkedHashMap<>();
    Matcher m = FIELD.matcher(body);
    while (m.find()) {
      values.put(m.group(1), Long.parseLong(m.group(2)));
    }
    return new Stats(values);
  }

  long get(String name) {
    return values.getOrDefault(name, 0L);
  }
}

/**
 * Rapport's own accounting, {@code enrichment_lookup}, for the main batch's users only (not the
 * login users, nor the outage batch): per provider, calls and cache answers by outcome, and the
 * time of the last lookup.
 */
record Ledger(Map<String, long[]> rows, long lastLookupMillis, long enrichedUsers,
    long clearbitMatchedUsers, Map<String, Double> averageCallMillis) {

  static final String MAIN = "u.email NOT LIKE 'login-%' AND u.email NOT LIKE 'outage-%'"
      + " AND u.email NOT LIKE 'bench-admin%'";

  static Ledger read(String jdbcUrl) throws Exception {
    Map<String, long[]> rows = new TreeMap<>();
    long last;
    long enriched;
    long matched;
    Map<String, Double> average = new TreeMap<>();
    try (Connection db = DriverManager.getConnection(jdbcUrl, "rapport", "");
        Statement sql = db.createStatement()) {
      try (ResultSet r = sql.executeQuery(
          "SELECT l.provider_id, l.outcome, l.cache_hit, COUNT(*) FROM enrichment_lookup l"
              + " JOIN user_account u ON u.id = l.user_id WHERE " + MAIN
              + " GROUP BY l.provider_id, l.outcome, l.cache_hit")) {
        while (r.next()) {
          // [calls, cache answers]
          long[] row = rows.computeIfAbsent(r.getString(1) + " " + r.getString(2),
              k -> new long[2]);
          row[r.getBoolean(3) ? 1 : 0] += r.getLong(4);
        }
      }
      try (ResultSet r = sql.executeQuery("SELECT MAX(l.occurred_at) FROM enrichment_lookup l"
          + " JOIN user_account u ON u.id = l.user_id WHERE " + MAIN)) {
        r.next();
        last = r.getTimestamp(1) == null ? 0 : r.getTimestamp(1).getTime();
      }
      try (ResultSet r = sql.executeQuery("SELECT COUNT(DISTINCT l.user_id) FROM"
          + " enrichment_lookup l JOIN user_account u ON u.id = l.user_id WHERE " + MAIN)) {
        r.next();
        enriched = r.getLong(1);
      }
      try (ResultSet r = sql.executeQuery("SELECT COUNT(DISTINCT l.user_id) FROM"
          + " enrichment_lookup l JOIN user_account u ON u.id = l.user_id WHERE " + MAIN
          + " AND l.provider_id = 'clearbit' AND l.outcome = 'MATCH'")) {
        r.next();
        matched = r.getLong(1);
      }
      try (ResultSet r = sql.executeQuery("SELECT l.provider_id, AVG(CAST(l.duration_ms AS DOUBLE))"
          + " FROM enrichment_lookup l JOIN user_account u ON u.id = l.user_id WHERE " + MAIN
          + " AND NOT l.cache_hit GROUP BY l.provider_id")) {
        while (r.next()) {
          average.put(r.getString(1), r.getDouble(2));
        }
      }
    }
    return new Ledger(rows, last, enriched, matched, average);
  }

  /** Calls (not cache answers) of a provider, of any outcome. */
  long calls(String provider) {
    return sum(provider, 0);
  }

  long cacheHits(String provider) {
    return sum(provider, 1);
  }

  long outcome(String provider, String outcome) {
    long[] row = rows.get(provider + " " + outcome);
    return row == null ? 0 : row[0] + row[1];
  }

  private long sum(String provider, int column) {
    return rows.entrySet().stream().filter(e -> e.getKey().startsWith(provider + " "))
        .mapToLong(e -> e.getValue()[column]).sum();
  }
}

/** The summary, as Markdown. */
record EnrichmentReport(
    Instant started,
    String loadAtStart,
    String loadAtEnd,
    Map<String, String> options,
    int signups,
    int domains,
    List<String> emails,
    long firstSignup,
    long lastSignup,
    long drained,
    long outageMillis,
    double[] backlogRate,
    Stats fakeBefore,
    Stats fakeAfter,
    Stats downBefore,
    Stats downAfter,
    Stats end,
    Ledger ledger,
    List<Turn> turns,
    int rpm,
    List<String> log) {

  long fake(String name) {
    return fakeAfter.get(name) - fakeBefore.get(name);
  }

  String markdown() {
    StringBuilder t = new StringBuilder();
    long companyAddresses = emails.stream().filter(e -> e.contains(".bench.example")).count();
    t.append("## Rapport enrichment benchmark, ").append(started).append("\n\n");
    t.append(String.format(Locale.ROOT,
        "- Machine: %d cores, %s; load average at start %s, at end %s%n",
        Runtime.getRuntime().availableProcessors(), Runtime.version(), loadAtStart, loadAtEnd));
    t.append(String.format(Locale.ROOT,
        "- Sign-ups: %d (%d company addresses over %d domains, %d free-mail), %s concurrent"
            + " clients; fake latency %s ms, Clearbit limit %d a minute (Rapport's and the"
            + " fake's)%n",
        signups, companyAddresses, domains, signups - companyAddresses, options.get("clients"),
        options.get("latency-ms"), rpm));
    t.append("- Rapport: ").append(options.get("rapport-opts")).append("; enrichment as shipped: ")
        .append(options.get("enrichment-settings")).append("\n\n");

    long clearbitCalls = ledger.calls("clearbit");
    long websiteCalls = ledger.calls("website");
    double perSignup = (double) clearbitCalls / signups;
    double perDomain = (double) websiteCalls / domains;
    long refused = fake("clearbitRefused");
    double raw = (ledger.lastLookupMillis() - firstSignup) / 1e3;
    double elapsed = raw - outageMillis / 1e3;
    double allowed = 60.0 * clearbitCalls / rpm;
    double overRate = elapsed / allowed - 1;

    t.append("| figure | measured | goal | |\n|---|---:|---:|---|\n");
    long clearbitErrors = ledger.outcome("clearbit", "ERROR");
    row(t, "paid (Clearbit) calls per sign-up", fmt(perSignup, 3) + " (of which errors: "
        + fmt((double) clearbitErrors / signups, 3) + ")", "", "");
    row(t, "website fetches per distinct company domain (ledger)", fmt(perDomain, 3), "1.0",
        met(Math.abs(perDomain - 1.0) < 1e-9));
    row(t, "website fetches per domain (fake's counter: requests / hosts)",
        fmt((double) fake("pageRequests") / Math.max(1, fake("pageHosts")), 3) + " ("
            + fake("pageRequests") + " / " + fake("pageHosts") + ")", "1.0", "");
    for (String provider : List.of("email-domain", "website", "clearbit")) {
      long hits = ledger.cacheHits(provider);
      long all = hits + ledger.calls(provider);
      row(t, "cache hit rate, " + provider,
          all == 0 ? "no lookups" : fmt(100.0 * hits / all, 1) + "% (" + hits + " of " + all + ")",
          "", "");
    }
    row(t, "Clearbit calls refused by the fake's rate limit (429)", Long.toString(refused), "0",
        met(refused == 0));
    row(t, "Clearbit's busiest 60 s (calls in the fake's window)",
        Long.toString(fakeAfter.get("clearbitPeakWindow")), "<= " + rpm, "");
    row(t, "time from the first sign-up to the last lookup", fmt(raw, 1) + " s", "", "");
    row(t, "of which Clearbit was out (down, until its first answer after)",
        fmt(outageMillis / 1e3, 1) + " s", "", "");
    row(t, "time from the first sign-up to the last lookup, without the outage",
        fmt(elapsed, 1) + " s", "", "");
    row(t, "time the rate limit allows (" + clearbitCalls + " calls / " + rpm + " a minute)",
        fmt(allowed, 1) + " s", "", "");
    row(t, "over what the rate limit allows", fmt(100 * overRate, 1) + "%", "<= 5%",
        met(overRate <= 0.05));
    row(t, "Clearbit calls a minute while more jobs waited than threads run them (fake's counter"
        + ", over " + fmt(backlogRate[1], 0) + " s)", fmt(backlogRate[0], 0), ">= " + fmt(0.95 * rpm, 0),
        Double.isNaN(backlogRate[0]) ? "no backlog" : met(backlogRate[0] >= 0.95 * rpm));
    row(t, "sign-ups took", fmt((lastSignup - firstSignup) / 1e3, 1) + " s", "", "");
    row(t, "no job left (console's count, polled every 2 s) after",
        fmt((drained - firstSignup) / 1e3, 1) + " s", "", "");
    row(t, "users with a lookup / with a Clearbit match",
        ledger.enrichedUsers() + " / " + ledger.clearbitMatchedUsers() + " of " + signups, "", "");
    t.append('\n');

    t.append("Ledger of the main batch (calls / cache answers):\n\n");
    ledger.rows().forEach((key, v) ->
        t.append("- ").append(key).append(": ").append(v[0]).append(" / ").append(v[1])
            .append('\n'));
    t.append("\nAverage call (not cache answers), as the ledger records it: ");
    ledger.averageCallMillis().forEach((provider, millis) ->
        t.append(provider).append(' ').append(fmt(millis, 0)).append(" ms; "));
    t.append('\n');
    t.append(String.format(Locale.ROOT,
        "%nFake's counters over the main batch: %d Clearbit answers for %d addresses (%d asked"
            + " more than once), %d refused, %d page requests for %d hosts (%d fetched more than"
            + " once)%n%n",
        fake("clearbitAnswered"), fake("clearbitEmails"), fake("clearbitEmailsAskedMoreThanOnce"),
        refused, fake("pageRequests"), fake("pageHosts"), fake("pageHostsFetchedMoreThanOnce")));

    t.append("| login turn | logins/s | p50 ms | p95 ms | p99 ms | errors | jobs at start -> end"
        + " | Clearbit 200 / 503 | Rapport cores | driver cores | others' cores |\n");
    t.append("|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|\n");
    for (Turn turn : turns) {
      LoadTurn.Result r = turn.result();
      t.append(String.format(Locale.ROOT,
          "| %s | %.1f | %.0f | %.0f | %.0f | %d | %s -> %s | %d / %d | %.2f | %.2f | %.2f |%n",
          turn.name(), r.loginsPerSecond(), r.percentileMillis(50), r.percentileMillis(95),
          r.percentileMillis(99), r.errors(), turn.jobs(turn.jobsBefore()),
          turn.jobs(turn.jobsAfter()), turn.clearbitCalls(), turn.clearbitDown(),
          turn.cores(r.cpu().rapport()), turn.cores(r.cpu().driver()),
          turn.cores(r.cpu().others())));
    }
    t.append(String.format(Locale.ROOT,
        "%nOutage: %d Clearbit answers of 503 during turn D; %d of 429 in the whole run%n",
        downAfter.get("clearbitDownAnswers") - downBefore.get("clearbitDownAnswers"),
        end.get("clearbitRefused")));
    t.append("\nLog:\n\n```\n");
    log.forEach(line -> t.append(line).append('\n'));
    t.append("```\n");
    return t.toString();
  }

  private static void row(StringBuilder t, String name, String value, String goal, String met) {
    t.append("| ").append(name).append(" | ").append(value).append(" | ").append(goal)
        .append(" | ").append(met).append(" |\n");
  }

  private static String met(boolean met) {
    return met ? "met" : "**not met**";
  }

  private static String fmt(double value, int digits) {
    return String.format(Locale.ROOT, "%." + digits + "f", value);
  }
}
