import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Rapport's login benchmark. Drives complete authorization-code + PKCE logins from concurrent
 * simulated browsers, and in alternating turns measures how many Argon2id hashes per second this
 * machine does with the same settings, which no password login can beat. See bench/README.md.
 *
 * <p>One file with several top-level classes, so that the JDK's source launcher runs it as it is:
 * {@code java -cp <spring-security-crypto, bcprov, commons-logging> bench/login/LoginBench.java}.
 */
public final class LoginBench {

  private final Options options;
  private final HttpClient http;
  private final Target target;
  private final ProcessProbe rapport;
  private static final Duration WARM_UP_ROUND = Duration.ofSeconds(5);
  private static final double SETTLED_JIT_SHARE = 0.05;

  LoginBench(Options options) {
    this.options = options;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    this.target = new Target(URI.create(options.text("base-url")), options.text("client-id"));
    this.rapport = new ProcessProbe(options.number("pid"), options.number("clk-tck"));
  }

  public static void main(String[] args) throws Exception {
    // Idle connections are dropped before Tomcat's keep-alive timeout (20 s) can close them
    // under a request at the start of the next turn.
    System.setProperty("jdk.httpclient.keepalive.timeout", "5");
    Options options = Options.parse(args);
    int status = new LoginBench(options).run();
    System.exit(status);
  }

  /**
   * {@code all}: one Rapport, set up and measured. With a plan, run.sh runs {@code prepare}
   * against the Rapport with the plan, copies its database, and runs {@code measure} against two
   * Rapports on the two copies: one with the plan, one without.
   */
  int run() throws Exception {
    return switch (options.text("phase")) {
      case "all" -> runAll();
      case "prepare" -> prepare();
      case "measure" -> measureWithPlan();
      default -> throw new IllegalArgumentException(
          "--phase must be all, prepare or measure, not " + options.text("phase"));
    };
  }

  private int runAll() throws Exception {
    Conditions conditions = Conditions.capture(options);
    String password = "bench-" + HexFormat.of().formatHex(Flows.randomBytes(6)) + "-Pw";
    Setup setup = new Setup(http, target, options);
    setup.registerApplication();
    List<String> users = setup.createUsers(options.number("users"), password);

    Argon2 argon2 = Argon2.parse(options.text("argon2"));
    LoadTurn load = new LoadTurn(http, target, users, password, options.number("clients"));
    HashTurn hashes = new HashTurn(argon2, password, Runtime.getRuntime().availableProcessors());
    Report.WarmUp warmUp = warmUp(load, rapport);
    hashes.run(WARM_UP_ROUND);

    List<TurnResult> turns = new ArrayList<>();
    Duration turn = Duration.ofSeconds(options.number("seconds"));
    for (int i = 1; i <= options.number("turns"); i++) {
      HashTurn.Result hashResult = measureHashes(hashes, turn);
      LoadTurn.Result loadResult = measureLogins(load, turn, rapport);
      TurnResult result = new TurnResult(i, hashResult, loadResult);
      turns.add(result);
      System.out.println(Report.turnLine(result));
    }
    Report report = new Report("login", conditions, argon2, turns, rapport.memory(), warmUp);
    report.print(System.out);
    report.write(Path.of(options.text("results-dir")));
    return report.errorShare() > Report.MAX_ERROR_SHARE ? 1 : 0;
  }

  /** Registers the application, signs the users up and lets each answer the plan; saves them. */
  private int prepare() throws Exception {
    String password = "bench-" + HexFormat.of().formatHex(Flows.randomBytes(6)) + "-Pw";
    Setup setup = new Setup(http, target, options);
    setup.registerApplication();
    List<String> users = setup.createUsers(options.number("users"), password);
    new ProfileFill(http, target, password, options).run(users);
    BenchState.write(Path.of(options.text("state-file")), password, users);
    return 0;
  }

  /**
   * The same logins against the Rapport without the plan and the one with it, in alternating
   * order after one hash turn each time: both halves of a comparison see the same machine within
   * a minute.
   */
  private int measureWithPlan() throws Exception {
    Conditions conditions = Conditions.capture(options);
    BenchState state = BenchState.read(Path.of(options.text("state-file")));
    Target planTarget =
        new Target(URI.create(options.text("plan-base-url")), options.text("client-id"));
    ProcessProbe planRapport =
        new ProcessProbe(options.number("plan-pid"), options.number("clk-tck"));
    int clients = options.number("clients");
    LoadTurn none = new LoadTurn(http, target, state.users(), state.password(), clients);
    LoadTurn plan = new LoadTurn(http, planTarget, state.users(), state.password(), clients);
    Argon2 argon2 = Argon2.parse(options.text("argon2"));
    HashTurn hashes =
        new HashTurn(argon2, state.password(), Runtime.getRuntime().availableProcessors());
    System.out.println("Warming up the Rapport without the plan");
    Report.WarmUp noneWarmUp = warmUp(none, rapport);
    System.out.println("Warming up the Rapport with the plan " + options.text("plan"));
    Report.WarmUp planWarmUp = warmUp(plan, planRapport);
    hashes.run(WARM_UP_ROUND);

    List<TurnResult> noneTurns = new ArrayList<>();
    List<TurnResult> planTurns = new ArrayList<>();
    Duration turn = Duration.ofSeconds(options.number("seconds"));
    for (int i = 1; i <= options.number("turns"); i++) {
      HashTurn.Result hashResult = measureHashes(hashes, turn);
      boolean planFirst = i % 2 == 0;
      LoadTurn.Result planResult = planFirst ? measureLogins(plan, turn, planRapport) : null;
      LoadTurn.Result noneResult = measureLogins(none, turn, rapport);
      planResult = planFirst ? planResult : measureLogins(plan, turn, planRapport);
      noneTurns.add(new TurnResult(i, hashResult, noneResult));
      planTurns.add(new TurnResult(i, hashResult, planResult));
      System.out.println("without plan: " + Report.turnLine(noneTurns.getLast()));
      System.out.println("with plan:    " + Report.turnLine(planTurns.getLast()));
    }
    Path results = Path.of(options.text("results-dir"));
    Report noneReport = new Report(
        "login-without-plan", conditions, argon2, noneTurns, rapport.memory(), noneWarmUp);
    Report planReport = new Report("login-with-plan-" + options.text("plan"), conditions, argon2,
        planTurns, planRapport.memory(), planWarmUp);
    for (Report report : List.of(noneReport, planReport)) {
      report.print(System.out);
      report.write(results);
    }
    PlanComparison comparison = new PlanComparison(
        options.text("plan"), options.text("plan-description"), noneReport, planReport);
    comparison.print(System.out);
    comparison.write(results, conditions);
    boolean failed = noneReport.errorShare() > Report.MAX_ERROR_SHARE
        || planReport.errorShare() > Report.MAX_ERROR_SHARE;
    return failed ? 1 : 0;
  }

  /**
   * Logins in rounds until Rapport's JIT compilers have settled (their threads took less than
   * {@link #SETTLED_JIT_SHARE} of Rapport's CPU in two rounds in a row), for at least the minimum
   * and at most the maximum warm-up time. A large Spring application keeps compiling for several
   * thousand logins, and a turn measured before that measures the compiler too. The caller hashes
   * for a round afterwards, so that the driver's own JIT has compiled Argon2 too.
   */
  private Report.WarmUp warmUp(LoadTurn load, ProcessProbe probe) throws Exception {
    Duration minimum = Duration.ofSeconds(options.number("warmup"));
    Duration maximum = Duration.ofSeconds(options.number("warmup-max"));
    if (maximum.isZero()) {
      return new Report.WarmUp(0, 0, Double.NaN);
    }
    long start = System.nanoTime();
    long logins = 0;
    double jitShare = 1;
    int settledRounds = 0;
    while (true) {
      CpuSample before = CpuSample.take(probe);
      LoadTurn.Result round = load.run(WARM_UP_ROUND);
      CpuSample.Delta cpu = CpuSample.take(probe).since(before);
      logins += round.logins();
      jitShare = Report.threadGroup(cpu, "Compiler") / cpu.rapport();
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      System.out.printf(Locale.ROOT,
          "  warm-up %3d s: %5.1f logins/s, Rapport CPU %.1f ms/login, JIT compilers %2.0f%%,"
              + " %d errors%n",
          elapsed.toSeconds(), round.loginsPerSecond(), 1000 * cpu.rapport() / round.logins(),
          100 * jitShare, round.errors());
      round.errorKinds().forEach((kind, count) -> System.out.println("    " + count + " × " + kind));
      settledRounds = jitShare < SETTLED_JIT_SHARE ? settledRounds + 1 : 0;
      boolean settled = settledRounds >= 2 && elapsed.compareTo(minimum) >= 0;
      if (settled || elapsed.compareTo(maximum) >= 0 || !probe.present()) {
        break;
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT,
        "Warm-up: %d logins in %.0f s; JIT compilers took %.0f%% of Rapport's CPU at the end%n",
        logins, seconds, 100 * jitShare);
    return new Report.WarmUp(logins, seconds, jitShare);
  }

  private HashTurn.Result measureHashes(HashTurn hashes, Duration turn) throws Exception {
    CpuSample before = CpuSample.take(rapport);
    HashTurn.Result result = hashes.run(turn);
    return result.withCpu(CpuSample.take(rapport).since(before));
  }

  private static LoadTurn.Result measureLogins(LoadTurn load, Duration turn, ProcessProbe probe)
      throws Exception {
    CpuSample before = CpuSample.take(probe);
    LoadTurn.Result result = load.run(turn);
    return result.withCpu(CpuSample.take(probe).since(before));
  }
}

/** Command-line options, {@code --name=value}, with defaults. */
final class Options {

  private static final Map<String, String> DEFAULTS =
      Map.ofEntries(
          Map.entry("base-url", "http://127.0.0.1:8080"),
          Map.entry("client-id", "login-bench"),
          Map.entry("admin-email", "bench-admin@example.com"),
          Map.entry("admin-password", ""),
          Map.entry("pid", "0"),
          Map.entry("clk-tck", "100"),
          Map.entry("clients", "8"),
          Map.entry("seconds", "20"),
          Map.entry("turns", "3"),
          Map.entry("users", "200"),
          Map.entry("warmup", "20"),
          Map.entry("warmup-max", "300"),
          Map.entry("argon2", "m=7168,t=5,p=1"),
          Map.entry("rapport-opts", ""),
          Map.entry("db", "H2 file (default)"),
          Map.entry("results-dir", "bench/results"),
          Map.entry("phase", "all"),
          Map.entry("state-file", ""),
          Map.entry("plan", "none"),
          Map.entry("plan-description", ""),
          Map.entry("plan-base-url", ""),
          Map.entry("plan-pid", "0"),
          Map.entry("fill-logins", "10"));

  private final Map<String, String> values;

  private Options(Map<String, String> values) {
    this.values = values;
  }

  static Options parse(String[] args) {
    Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
    for (String arg : args) {
      int equals = arg.indexOf('=');
      if (!arg.startsWith("--") || equals < 0 || !DEFAULTS.containsKey(arg.substring(2, equals))) {
        throw new IllegalArgumentException(
            "Unknown argument '" + arg + "'; expected --name=value with a name of " + DEFAULTS.keySet());
      }
      values.put(arg.substring(2, equals), arg.substring(equals + 1));
    }
    return new Options(values);
  }

  String text(String name) {
    return values.get(name);
  }

  int number(String name) {
    return Integer.parseInt(values.get(name));
  }
}

/** Where Rapport listens, and the application the logins are for. */
record Target(URI base, String clientId) {

  URI uri(String path) {
    return base.resolve(path);
  }

  String redirectUri() {
    return base.resolve("/callback").toString();
  }
}

/** Argon2id settings as Rapport's command line or defaults give them: m (KiB), t, p. */
record Argon2(int memoryKib, int iterations, int parallelism) {

  static Argon2 parse(String text) {
    Map<String, Integer> parts = new LinkedHashMap<>();
    for (String part : text.split(",")) {
      String[] pair = part.trim().split("=");
      parts.put(pair[0], Integer.parseInt(pair[1]));
    }
    return new Argon2(parts.get("m"), parts.get("t"), parts.get("p"));
  }

  /** The encoder Rapport builds from the same settings: 16-byte salt, 32-byte hash. */
  Argon2PasswordEncoder encoder() {
    return new Argon2PasswordEncoder(16, 32, parallelism, memoryKib, iterations);
  }

  @Override
  public String toString() {
    return "m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism;
  }
}

/**
 * One simulated browser: its own cookies, sent back with every request. Java's CookieManager is
 * not used because it refuses to send Secure cookies (Rapport's session cookie is one) over http.
 */
final class Browser {

  static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http;
  private final Map<String, String> cookies = new LinkedHashMap<>();

  Browser(HttpClient http) {
    this.http = http;
  }

  HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri).GET().header("Accept", HTML));
  }

  HttpResponse<String> post(URI uri, Map<String, String> form)
      throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(uri)
            .POST(HttpRequest.BodyPublishers.ofString(Flows.formBody(form)))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", HTML));
  }

  private HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    if (!cookies.isEmpty()) {
      request.header("Cookie", cookieHeader());
    }
    HttpResponse<String> response =
        http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    response.headers().allValues("Set-Cookie").forEach(this::store);
    return response;
  }

  private String cookieHeader() {
    StringBuilder header = new StringBuilder();
    cookies.forEach(
        (name, value) -> header.append(header.isEmpty() ? "" : "; ").append(name).append('=')
            .append(value));
    return header.toString();
  }

  /** Keeps name=value; a cookie set to expire now (Max-Age=0, or empty on logout) is dropped. */
  private void store(String setCookie) {
    String[] parts = setCookie.split(";");
    int equals = parts[0].indexOf('=');
    if (equals <= 0) {
      return;
    }
    String name = parts[0].substring(0, equals).trim();
    String value = parts[0].substring(equals + 1).trim();
    boolean expired =
        Arrays.stream(parts).anyMatch(part -> part.trim().equalsIgnoreCase("Max-Age=0"));
    if (expired || value.isEmpty()) {
      cookies.remove(name);
    } else {
      cookies.put(name, value);
    }
  }
}

/** Something in a flow was not what a working login returns. */
final class FlowError extends Exception {

  private final String kind;

  FlowError(String step, String detail) {
    super(step + ": " + detail);
    this.kind = step + ": " + detail.replaceAll("[0-9a-f-]{16,}", "…");
  }

  /** The error without ids, so that errors of one kind count together. */
  String kind() {
    return kind.length() > 120 ? kind.substring(0, 120) : kind;
  }
}

/** Helpers shared by the flows: forms, redirects, PKCE. */
final class Flows {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

  private Flows() {}

  static byte[] randomBytes(int count) {
    byte[] bytes = new byte[count];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  static String randomToken(int bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(bytes));
  }

  /** RFC 7636, section 4.2: BASE64URL(SHA256(ASCII(code_verifier))). */
  static String s256(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  static String formBody(Map<String, String> form) {
    StringBuilder body = new StringBuilder();
    form.forEach(
        (name, value) -> {
          body.append(body.isEmpty() ? "" : "&").append(encode(name)).append('=');
          body.append(encode(value));
        });
    return body.toString();
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static String csrfToken(String step, HttpResponse<String> page) throws FlowError {
    expectStatus(step, page, 200);
    Matcher matcher = CSRF.matcher(page.body());
    if (!matcher.find()) {
      throw new FlowError(step, "no _csrf field in the page");
    }
    return matcher.group(1);
  }

  static void expectStatus(String step, HttpResponse<String> response, int status)
      throws FlowError {
    if (response.statusCode() != status) {
      throw new FlowError(step, "status " + response.statusCode() + ", expected " + status);
    }
  }

  /** The Location of a 302, resolved against the request's URI. */
  static URI redirect(String step, HttpResponse<String> response) throws FlowError {
    expectStatus(step, response, 302);
    Optional<String> location = response.headers().firstValue("Location");
    if (location.isEmpty()) {
      throw new FlowError(step, "302 without Location");
    }
    return response.uri().resolve(location.get());
  }

  static Map<String, String> query(URI uri) {
    Map<String, String> parameters = new LinkedHashMap<>();
    String raw = uri.getRawQuery();
    if (raw == null) {
      return parameters;
    }
    for (String pair : raw.split("&")) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      parameters.put(
          URLDecoder.decode(name, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return parameters;
  }

  /** Signs in through the login form; returns where Rapport sends the browser next. */
  static URI signIn(Browser browser, Target target, String email, String password)
      throws IOException, InterruptedException, FlowError {
    String csrf = csrfToken("GET /login", browser.get(target.uri("/login")));
    Map<String, String> form = new LinkedHashMap<>();
    form.put("email", email);
    form.put("password", password);
    form.put("_csrf", csrf);
    URI next = redirect("POST /login", browser.post(target.uri("/login"), form));
    if (next.getPath().equals("/login")) {
      throw new FlowError("POST /login", "sign-in refused (" + next.getRawQuery() + ")");
    }
    return next;
  }
}

/** Registers the bench application through the console and signs the users up, before timing. */
final class Setup {

  private final HttpClient http;
  private final Target target;
  private final Options options;

  Setup(HttpClient http, Target target, Options options) {
    this.http = http;
    this.target = target;
    this.options = options;
  }

  void registerApplication() throws Exception {
    Browser admin = new Browser(http);
    Flows.signIn(admin, target, options.text("admin-email"), options.text("admin-password"));
    String csrf =
        Flows.csrfToken(
            "GET /admin/applications/new", admin.get(target.uri("/admin/applications/new")));
    Map<String, String> form = new LinkedHashMap<>();
    form.put("clientId", target.clientId());
    form.put("name", "Login benchmark");
    form.put("redirectUris", target.redirectUri());
    form.put("scopes", "openid email profile");
    form.put("_csrf", csrf);
    HttpResponse<String> created = admin.post(target.uri("/admin/applications"), form);
    Flows.expectStatus("POST /admin/applications", created, 200);
    System.out.printf("Registered public client %s with redirect URI %s%n",
        target.clientId(), target.redirectUri());
  }

  /** Signs the users up in parallel; each sign-up hashes one password. */
  List<String> createUsers(int count, String password) throws Exception {
    long start = System.nanoTime();
    List<String> emails = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      emails.add(String.format(Locale.ROOT, "%s-user-%04d@example.com", target.clientId(), i));
    }
    ExecutorService pool = Executors.newFixedThreadPool(options.number("clients"));
    try {
      List<Future<?>> signups = new ArrayList<>();
      for (String email : emails) {
        signups.add(pool.submit(() -> signUp(email, password)));
      }
      for (Future<?> signup : signups) {
        signup.get();
      }
    } finally {
      pool.shutdown();
    }
    System.out.printf("Signed up %d users in %.1f s%n", count, (System.nanoTime() - start) / 1e9);
    return emails;
  }

  /** Signs one user up, answering the plan's sign-up questions when the form shows some. */
  private Void signUp(String email, String password) throws Exception {
    Browser browser = new Browser(http);
    HttpResponse<String> page = browser.get(target.uri("/signup"));
    String csrf = Flows.csrfToken("GET /signup", page);
    Map<String, String> form = new LinkedHashMap<>();
    form.put("email", email);
    form.put("password", password);
    form.put("_csrf", csrf);
    new PromptAnswers().fields(page.body()).forEach((name, value) -> {
      if (name.startsWith(PromptAnswers.FIELD_PREFIX)) {
        form.put(name, value);
      }
    });
    Flows.redirect("POST /signup", browser.post(target.uri("/signup"), form));
    return null;
  }
}

/** One complete login of one user in a fresh browser: authorize, sign in, code, token. */
final class LoginFlow {

  private static final Pattern ID_TOKEN = Pattern.compile("\"id_token\"\\s*:\\s*\"[^\"]+\"");

  private final HttpClient http;
  private final Target target;

  LoginFlow(HttpClient http, Target target) {
    this.http = http;
    this.target = target;
  }

  void run(String email, String password) throws IOException, InterruptedException, FlowError {
    run(email, password, null);
  }

  /**
   * One login; with answers, every prompt page on the way is answered (the timed logins pass
   * none, so that a prompt there is an error).
   *
   * @return the number of prompts answered
   */
  int run(String email, String password, PromptAnswers answers)
      throws IOException, InterruptedException, FlowError {
    Browser browser = new Browser(http);
    String state = Flows.randomToken(12);
    String verifier = Flows.randomToken(32);

    URI login = Flows.redirect("GET /oauth2/authorize", browser.get(authorizeUri(state, verifier)));
    if (!login.getPath().equals("/login")) {
      throw new FlowError("GET /oauth2/authorize", "redirected to " + login.getPath());
    }
    URI resume = Flows.signIn(browser, target, email, password);
    if (!resume.getPath().equals("/oauth2/authorize")) {
      throw new FlowError("POST /login", "redirected to " + resume.getPath());
    }
    URI callback = Flows.redirect("GET /oauth2/authorize (signed in)", browser.get(resume));
    int prompts = 0;
    while (answers != null && callback.getPath().equals(PromptAnswers.PAGE)) {
      URI next = answers.answer(browser, target, callback);
      callback = Flows.redirect("GET /oauth2/authorize (after the prompt)", browser.get(next));
      prompts++;
    }
    String code = codeFrom(callback, state);

    HttpResponse<String> tokens = browser.post(target.uri("/oauth2/token"), tokenForm(code, verifier));
    Flows.expectStatus("POST /oauth2/token", tokens, 200);
    if (!ID_TOKEN.matcher(tokens.body()).find()) {
      throw new FlowError("POST /oauth2/token", "no id_token in the response");
    }
    return prompts;
  }

  private URI authorizeUri(String state, String verifier) {
    return target.uri(
        "/oauth2/authorize?response_type=code&client_id="
            + Flows.encode(target.clientId())
            + "&redirect_uri="
            + Flows.encode(target.redirectUri())
            + "&scope=openid%20email%20profile&state="
            + state
            + "&code_challenge="
            + Flows.s256(verifier)
            + "&code_challenge_method=S256");
  }

  private String codeFrom(URI callback, String state) throws FlowError {
    String step = "GET /oauth2/authorize (signed in)";
    if (!callback.toString().startsWith(target.redirectUri())) {
      throw new FlowError(step, "redirected to " + callback.getPath());
    }
    Map<String, String> parameters = Flows.query(callback);
    if (parameters.containsKey("error")) {
      throw new FlowError(step, "error=" + parameters.get("error"));
    }
    if (!state.equals(parameters.get("state"))) {
      throw new FlowError(step, "state does not match");
    }
    String code = parameters.get("code");
    if (code == null || code.isEmpty()) {
      throw new FlowError(step, "no code");
    }
    return code;
  }

  private Map<String, String> tokenForm(String code, String verifier) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("redirect_uri", target.redirectUri());
    form.put("client_id", target.clientId());
    form.put("code_verifier", verifier);
    return form;
  }
}

/**
 * Answers Rapport's prompt page as a user who answers everything would: the first option of every
 * choice, the first country, Yes, and a plain value of each typed kind within the field's length
 * and range. A plan's {@code pattern} is not shown in the page, so a plan run with the benchmark
 * must accept the text answer {@value #TEXT}.
 */
final class PromptAnswers {

  static final String PAGE = "/prompt";
  static final String TEXT = "Bench answer";
  static final String FIELD_PREFIX = "answer.";

  private static final Pattern TAG =
      Pattern.compile("<(input|select|option|/select)\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
  private static final Pattern ATTRIBUTE =
      Pattern.compile("([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\\s*=\\s*\"([^\"]*)\")?");

  private final LongAdder prompts = new LongAdder();
  private final LongAdder answers = new LongAdder();

  long prompts() {
    return prompts.sum();
  }

  long answers() {
    return answers.sum();
  }

  /** Shows the prompt, answers every question; returns where the authorization resumes. */
  URI answer(Browser browser, Target target, URI page)
      throws IOException, InterruptedException, FlowError {
    HttpResponse<String> shown = browser.get(page);
    Flows.expectStatus("GET /prompt", shown, 200);
    Map<String, String> form = fields(shown.body());
    form.put("action", "answer");
    HttpResponse<String> sent = browser.post(target.uri(PAGE), form);
    if (sent.statusCode() == 400) {
      Matcher error = Pattern.compile("class=\"error\"[^>]*>([^<]*)<").matcher(sent.body());
      throw new FlowError("POST /prompt", "answers refused: " + (error.find() ? error.group(1) : "?"));
    }
    prompts.increment();
    return Flows.redirect("POST /prompt", sent);
  }

  /** The hidden fields as they are, and one answer per question field. */
  Map<String, String> fields(String html) {
    Map<String, String> form = new LinkedHashMap<>();
    String select = null;
    Matcher tags = TAG.matcher(html);
    while (tags.find()) {
      String tag = tags.group(1).toLowerCase(Locale.ROOT);
      Map<String, String> attributes = attributes(tags.group(2));
      String name = attributes.get("name");
      switch (tag) {
        case "select" -> select = name;
        case "/select" -> select = null;
        case "option" -> {
          String value = attributes.getOrDefault("value", "");
          if (select != null && !value.isEmpty() && !form.containsKey(select)) {
            put(form, select, value);
          }
        }
        default -> input(form, name, attributes);
      }
    }
    return form;
  }

  private void input(Map<String, String> form, String name, Map<String, String> attributes) {
    String type = attributes.getOrDefault("type", "text").toLowerCase(Locale.ROOT);
    if (name == null || type.equals("submit")) {
      return;
    }
    if (type.equals("hidden")) {
      form.put(name, attributes.getOrDefault("value", ""));
    } else if (!form.containsKey(name)) {
      put(form, name, type.equals("radio") || type.equals("checkbox")
          ? attributes.getOrDefault("value", "")
          : typed(type, attributes));
    }
  }

  private void put(Map<String, String> form, String name, String value) {
    form.put(name, value);
    answers.increment();
  }

  private static String typed(String type, Map<String, String> attributes) {
    return switch (type) {
      case "email" -> "bench@example.com";
      case "url" -> "https://example.com/bench";
      case "tel" -> "+4930123456";
      case "date" -> "1990-01-15";
      case "number" -> attributes.getOrDefault("min", "1");
      default -> text(attributes);
    };
  }

  private static String text(Map<String, String> attributes) {
    int least = Integer.parseInt(attributes.getOrDefault("minlength", "0"));
    int most = Integer.parseInt(attributes.getOrDefault("maxlength", "1000"));
    String text = TEXT.length() < least ? TEXT + "x".repeat(least - TEXT.length()) : TEXT;
    return text.length() > most ? text.substring(0, most) : text;
  }

  private static Map<String, String> attributes(String text) {
    Map<String, String> attributes = new LinkedHashMap<>();
    Matcher matcher = ATTRIBUTE.matcher(text);
    while (matcher.find()) {
      String value = matcher.group(2) == null ? "" : unescape(matcher.group(2));
      attributes.put(matcher.group(1).toLowerCase(Locale.ROOT), value);
    }
    return attributes;
  }

  private static String unescape(String html) {
    return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
        .replace("&gt;", ">").replace("&amp;", "&");
  }
}

/**
 * Before the timing with a plan: every user logs in again and again, answering every prompt, for
 * at least {@code --fill-logins} logins and until a login asks nothing. At the timed logins every
 * question of the plan is then held back (its attribute is known, its condition fails, or its
 * login, day, application or moment rule does not hold), while the selection still runs in full
 * at each of them, on a profile and a prompt history as large as answering the plan made them.
 */
final class ProfileFill {

  /** Logins past {@code --fill-logins} after which a user still asked is an error. */
  private static final int MOST_EXTRA_LOGINS = 30;

  private final LoginFlow flow;
  private final String password;
  private final int clients;
  private final int leastLogins;
  private final PromptAnswers answers = new PromptAnswers();
  private final LongAdder logins = new LongAdder();

  ProfileFill(HttpClient http, Target target, String password, Options options) {
    this.flow = new LoginFlow(http, target);
    this.password = password;
    this.clients = options.number("clients");
    this.leastLogins = options.number("fill-logins");
  }

  void run(List<String> users) throws Exception {
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<Void>> fills = new ArrayList<>();
      for (String email : users) {
        fills.add(pool.submit(() -> fill(email)));
      }
      for (Future<Void> fill : fills) {
        fill.get();
      }
    } finally {
      pool.shutdown();
    }
    System.out.printf(Locale.ROOT,
        "Answered the plan: %d logins, %d prompts, %d answers for %d users in %.0f s; every"
            + " user's last login asked nothing%n",
        logins.sum(), answers.prompts(), answers.answers(), users.size(),
        (System.nanoTime() - start) / 1e9);
  }

  private Void fill(String email) throws Exception {
    int count = 0;
    boolean asked = true;
    while (count < leastLogins || asked) {
      if (count >= leastLogins + MOST_EXTRA_LOGINS) {
        throw new FlowError("fill", "still asked after " + count + " logins");
      }
      asked = flow.run(email, password, answers) > 0;
      count++;
      logins.increment();
    }
    return null;
  }
}

/** The users and their password, kept by the prepare phase for the measure phase. */
record BenchState(String password, List<String> users) {

  static void write(Path file, String password, List<String> users) throws IOException {
    Files.writeString(file, password + "\n" + String.join("\n", users) + "\n");
  }

  static BenchState read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    return new BenchState(lines.get(0), List.copyOf(lines.subList(1, lines.size())));
  }
}

/** The login load: a number of browsers, each doing one login after the other. */
final class LoadTurn {

  private final HttpClient http;
  private final Target target;
  private final List<String> users;
  private final String password;
  private final int clients;
  private final AtomicInteger nextUser = new AtomicInteger();

  LoadTurn(HttpClient http, Target target, List<String> users, String password, int clients) {
    this.http = http;
    this.target = target;
    this.users = users;
    this.password = password;
    this.clients = clients;
  }

  /** What one load turn measured; cpu is filled in by the caller. */
  record Result(
      long logins,
      long errors,
      Map<String, Long> errorKinds,
      long[] latenciesNanos,
      double wallSeconds,
      double driverCpuSeconds,
      CpuSample.Delta cpu) {

    long attempts() {
      return logins + errors;
    }

    double loginsPerSecond() {
      return logins / wallSeconds;
    }

    double percentileMillis(double percentile) {
      return Percentiles.of(latenciesNanos, percentile) / 1e6;
    }

    Result withCpu(CpuSample.Delta delta) {
      return new Result(
          logins, errors, errorKinds, latenciesNanos, wallSeconds, driverCpuSeconds, delta);
    }
  }

  /**
   * Every browser starts logins until the turn's time is up; the turn ends when the last login
   * started has finished, and the rate counts that whole time.
   */
  Result run(Duration length) throws Exception {
    LongAdder errors = new LongAdder();
    Map<String, Long> kinds = new ConcurrentHashMap<>();
    List<long[]> latencies = new ArrayList<>();
    double cpuBefore = CpuSample.driverCpuSeconds();
    long start = System.nanoTime();
    long deadline = start + length.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<long[]>> browsers = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        browsers.add(pool.submit(() -> loginsUntil(deadline, errors, kinds)));
      }
      for (Future<long[]> browser : browsers) {
        latencies.add(browser.get());
      }
    } finally {
      pool.shutdown();
    }
    double wall = (System.nanoTime() - start) / 1e9;
    double cpu = CpuSample.driverCpuSeconds() - cpuBefore;
    long[] all = latencies.stream().flatMapToLong(Arrays::stream).toArray();
    return new Result(all.length, errors.sum(), Map.copyOf(kinds), all, wall, cpu, null);
  }

  private long[] loginsUntil(long deadline, LongAdder errors, Map<String, Long> kinds) {
    LoginFlow flow = new LoginFlow(http, target);
    long[] latencies = new long[1024];
    int count = 0;
    while (System.nanoTime() < deadline) {
      String email = users.get(Math.floorMod(nextUser.getAndIncrement(), users.size()));
      long begin = System.nanoTime();
      try {
        flow.run(email, password);
        if (count == latencies.length) {
          latencies = Arrays.copyOf(latencies, count * 2);
        }
        latencies[count++] = System.nanoTime() - begin;
      } catch (FlowError e) {
        errors.increment();
        kinds.merge(e.kind(), 1L, Long::sum);
      } catch (IOException e) {
        errors.increment();
        kinds.merge("I/O: " + e.getClass().getSimpleName(), 1L, Long::sum);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return Arrays.copyOf(latencies, count);
  }
}

/**
 * The reference: Argon2id hashes per second on this machine with Rapport's settings, one thread
 * per core, each checking a password against a stored hash exactly as a login does.
 */
final class HashTurn {

  private final Argon2PasswordEncoder encoder;
  private final String password;
  private final String stored;
  private final int threads;

  HashTurn(Argon2 settings, String password, int threads) {
    this.encoder = settings.encoder();
    this.password = password;
    this.stored = encoder.encode(password);
    this.threads = threads;
  }

  /** What one hash turn measured; cpu (Rapport's, idle meanwhile) is filled in by the caller. */
  record Result(long hashes, int threads, double wallSeconds, CpuSample.Delta cpu) {

    double hashesPerSecond() {
      return hashes / wallSeconds;
    }

    Result withCpu(CpuSample.Delta delta) {
      return new Result(hashes, threads, wallSeconds, delta);
    }
  }

  Result run(Duration length) throws Exception {
    long start = System.nanoTime();
    long deadline = start + length.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long hashes = 0;
    try {
      List<Future<Long>> workers = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        workers.add(pool.submit(() -> hashUntil(deadline)));
      }
      for (Future<Long> worker : workers) {
        hashes += worker.get();
      }
    } finally {
      pool.shutdown();
    }
    return new Result(hashes, threads, (System.nanoTime() - start) / 1e9, null);
  }

  private long hashUntil(long deadline) {
    long count = 0;
    while (System.nanoTime() < deadline) {
      if (!encoder.matches(password, stored)) {
        throw new IllegalStateException("The reference hash does not match its password");
      }
      count++;
    }
    return count;
  }
}

final class Percentiles {

  private Percentiles() {}

  /** Nearest rank: the smallest value with at least the given share of values at or below it. */
  static double of(long[] values, double percentile) {
    if (values.length == 0) {
      return Double.NaN;
    }
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
}

/** Reads a process's memory and CPU from /proc (Linux). */
final class ProcessProbe {

  private final long pid;
  private final int clockTicks;

  ProcessProbe(long pid, int clockTicks) {
    this.pid = pid;
    this.clockTicks = clockTicks;
  }

  boolean present() {
    return pid > 0 && Files.exists(Path.of("/proc", Long.toString(pid)));
  }

  /** Peak (VmHWM) and current (VmRSS) resident memory in KiB, or -1 when unknown. */
  Memory memory() throws IOException {
    if (!present()) {
      return new Memory(-1, -1);
    }
    List<String> status = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"));
    return new Memory(statusKib(status, "VmHWM:"), statusKib(status, "VmRSS:"));
  }

  /** User plus system CPU time in seconds (fields 14 and 15 of /proc/pid/stat). */
  double cpuSeconds() throws IOException {
    if (!present()) {
      return Double.NaN;
    }
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    return (double) ticks / clockTicks;
  }

  /** Busy seconds of the whole machine, all cores (from the first line of /proc/stat). */
  double machineBusySeconds() throws IOException {
    String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
    long busy = 0;
    for (int i = 1; i <= 8 && i < fields.length; i++) {
      if (i != 4 && i != 5) {
        busy += Long.parseLong(fields[i]);
      }
    }
    return (double) busy / clockTicks;
  }

  /**
   * CPU seconds per group of threads, grouped by name with digits removed (so that every request
   * thread counts together); Linux cuts thread names to 15 characters. Threads that ended are
   * missing, so the groups of a turn are compared with those at its start.
   */
  Map<String, Double> threadCpuSeconds() throws IOException {
    Map<String, Double> groups = new LinkedHashMap<>();
    if (!present()) {
      return groups;
    }
    try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path task : tasks.toList()) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          double seconds =
              (double) (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / clockTicks;
          groups.merge(name.replaceAll("[0-9]+", "#"), seconds, Double::sum);
        } catch (IOException threadEnded) {
          // The thread ended between listing and reading: its time is lost to this sample.
        }
      }
    }
    return groups;
  }

  private static long statusKib(List<String> status, String field) {
    return status.stream()
        .filter(line -> line.startsWith(field))
        .map(line -> Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]))
        .findFirst()
        .orElse(-1L);
  }

  record Memory(long peakKib, long currentKib) {}
}

/** CPU counters at one moment: Rapport's, this driver's, and the whole machine's. */
record CpuSample(
    long nanos, double rapport, double driver, double machine, Map<String, Double> threads) {

  static CpuSample take(ProcessProbe rapport) throws IOException {
    return new CpuSample(
        System.nanoTime(),
        rapport.cpuSeconds(),
        driverCpuSeconds(),
        rapport.machineBusySeconds(),
        rapport.threadCpuSeconds());
  }

  static double driverCpuSeconds() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean bean) {
      return bean.getProcessCpuTime() / 1e9;
    }
    return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9)
        .orElse(Double.NaN);
  }

  Delta since(CpuSample before) {
    Map<String, Double> threadDelta = new LinkedHashMap<>();
    threads.forEach(
        (group, seconds) ->
            threadDelta.put(group, seconds - before.threads.getOrDefault(group, 0.0)));
    return new Delta(
        (nanos - before.nanos) / 1e9,
        rapport - before.rapport,
        driver - before.driver,
        machine - before.machine,
        threadDelta);
  }

  /**
   * CPU seconds spent over a wall time: by Rapport, by this driver, and by everything else on the
   * machine (other people's builds, the kernel), which is the noise.
   */
  record Delta(
      double wallSeconds,
      double rapport,
      double driver,
      double machine,
      Map<String, Double> threads) {

    double others() {
      return Math.max(0, machine - rapport - driver);
    }
  }
}

/** The machine and settings of a run, printed with its figures. */
record Conditions(
    Instant startedAt,
    int cores,
    String cpuModel,
    String javaVersion,
    String loadAverage,
    String rapportOptions,
    String database,
    int clients,
    int seconds,
    int turns,
    int users) {

  static Conditions capture(Options options) throws IOException {
    return new Conditions(
        Instant.now(),
        Runtime.getRuntime().availableProcessors(),
        readCpuModel(),
        System.getProperty("java.vm.name") + " " + Runtime.version(),
        readLoadAverage(),
        options.text("rapport-opts"),
        options.text("db"),
        options.number("clients"),
        options.number("seconds"),
        options.number("turns"),
        options.number("users"));
  }

  static String readLoadAverage() throws IOException {
    Path loadavg = Path.of("/proc/loadavg");
    if (!Files.exists(loadavg)) {
      return "unknown";
    }
    String[] fields = Files.readString(loadavg).trim().split(" ");
    return fields[0] + " " + fields[1] + " " + fields[2];
  }

  private static String readCpuModel() throws IOException {
    Path cpuinfo = Path.of("/proc/cpuinfo");
    if (!Files.exists(cpuinfo)) {
      return "unknown";
    }
    return Files.readAllLines(cpuinfo).stream()
        .filter(line -> line.startsWith("model name"))
        .map(line -> line.substring(line.indexOf(':') + 1).trim())
        .findFirst()
        .orElse("unknown");
  }
}

/** One hash turn and the login turn after it. */
record TurnResult(int number, HashTurn.Result hashes, LoadTurn.Result logins) {

  double ratio() {
    return logins.loginsPerSecond() / hashes.hashesPerSecond();
  }
}

/**
 * The logins with the plan beside those without it, turn by turn: both against the same hash turn,
 * on copies of one database, so that the plan is all that differs.
 */
final class PlanComparison {

  static final double GOAL_MOST_COST = 0.05;

  /** Median CPU of other processes, in cores, above which the cost is not a clean measurement. */
  static final double NOISY_OTHERS_CORES = 0.1;

  private final String plan;
  private final String description;
  private final Report without;
  private final Report with;

  PlanComparison(String plan, String description, Report without, Report with) {
    this.plan = plan;
    this.description = description;
    this.without = without;
    this.with = with;
  }

  /** The plan's cost in throughput: 1 - (ratio with the plan ÷ ratio without it). */
  static double cost(TurnResult without, TurnResult with) {
    return 1 - with.ratio() / without.ratio();
  }

  static double cpuPerLogin(TurnResult turn) {
    return 1000 * turn.logins().cpu().rapport() / turn.logins().logins();
  }

  static double others(TurnResult turn) {
    CpuSample.Delta cpu = turn.logins().cpu();
    return cpu.others() / cpu.wallSeconds();
  }

  String markdown() {
    List<TurnResult> a = without.turns();
    List<TurnResult> b = with.turns();
    StringBuilder text = new StringBuilder();
    text.append("## Login benchmark with the plan ").append(plan).append(" beside without it\n\n");
    if (!description.isEmpty()) {
      text.append("- Plan: ").append(description).append('\n');
    }
    text.append("- Each turn: one hash turn, then the same logins against the Rapport without the"
        + " plan and the one with it (odd turns without it first, even turns with it first), on"
        + " copies of one database made after every user answered the plan.\n\n");
    text.append("| turn | hashes/s | logins/s without | logins/s with | ratio without |"
        + " ratio with | cost | CPU ms/login without | CPU ms/login with | p50 ms without |"
        + " p50 ms with | others' cores without | others' cores with |\n");
    text.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    double[] costs = new double[a.size()];
    double[] cpuWithout = new double[a.size()];
    double[] cpuWith = new double[a.size()];
    for (int i = 0; i < a.size(); i++) {
      TurnResult x = a.get(i);
      TurnResult y = b.get(i);
      costs[i] = cost(x, y);
      cpuWithout[i] = cpuPerLogin(x);
      cpuWith[i] = cpuPerLogin(y);
      text.append(String.format(Locale.ROOT,
          "| %d | %.1f | %.1f | %.1f | %.3f | %.3f | %+.1f%% | %.1f | %.1f | %.0f | %.0f | %.2f"
              + " | %.2f |%n",
          x.number(), x.hashes().hashesPerSecond(), x.logins().loginsPerSecond(),
          y.logins().loginsPerSecond(), x.ratio(), y.ratio(), 100 * costs[i], cpuWithout[i],
          cpuWith[i], x.logins().percentileMillis(50), y.logins().percentileMillis(50),
          others(x), others(y)));
    }
    double medianCost = Percentiles.median(costs);
    double cpuA = without.loginCpuMillis();
    double cpuB = with.loginCpuMillis();
    text.append(String.format(Locale.ROOT,
        "| **median / all** | %.1f | %.1f | %.1f | **%.3f** | **%.3f** | **%+.1f%%** | %.1f |"
            + " %.1f | | | | |%n%n",
        without.medianHashesPerSecond(), without.medianLoginsPerSecond(),
        with.medianLoginsPerSecond(), without.medianRatio(), with.medianRatio(),
        100 * medianCost, cpuA, cpuB));
    text.append("\"cost\" is 1 - (ratio with the plan ÷ ratio without it) in the same turn:"
        + " the share of login throughput the plan takes. CPU ms/login is Rapport's CPU per"
        + " login over the turn; \"others' cores\" is every other process on the machine, the"
        + " noise.\n\n");
    double[] noise = new double[2 * a.size()];
    double[] cpuCosts = new double[a.size()];
    for (int i = 0; i < a.size(); i++) {
      noise[2 * i] = others(a.get(i));
      noise[2 * i + 1] = others(b.get(i));
      cpuCosts[i] = cpuWith[i] / cpuWithout[i] - 1;
    }
    double medianNoise = Percentiles.median(noise);
    // Other processes' CPU does not fall evenly on the two halves of a turn; above this the cost
    // per turn is mostly their doing, and the verdict says so rather than pass or fail the plan.
    boolean noisy = medianNoise > NOISY_OTHERS_CORES;
    text.append(String.format(Locale.ROOT,
        "- **Throughput cost of the plan, median over %d turns: %.1f%%** (goal at most %.0f%%:"
            + " %s)%n",
        a.size(), 100 * medianCost, 100 * GOAL_MOST_COST,
        noisy
            ? String.format(Locale.ROOT,
                "inconclusive: other processes took a median of %.2f cores during the login"
                    + " turns, more than %.2f; the cost per turn ranged from %+.1f%% to %+.1f%%",
                medianNoise, NOISY_OTHERS_CORES, 100 * Arrays.stream(costs).min().orElseThrow(),
                100 * Arrays.stream(costs).max().orElseThrow())
            : medianCost <= GOAL_MOST_COST ? "met" : "NOT met"));
    text.append(String.format(Locale.ROOT,
        "- Rapport's CPU per login: %.1f ms without the plan, %.1f ms with it (%+.1f ms,"
            + " %+.1f%%; per turn, median %+.1f%%). Less disturbed by other processes than the"
            + " throughput, though not immune: they share the caches, and JIT work still under"
            + " way counts in it%n",
        cpuA, cpuB, cpuB - cpuA, 100 * (cpuB / cpuA - 1), 100 * Percentiles.median(cpuCosts)));
    text.append(String.format(Locale.ROOT,
        "- Peak resident memory (VmHWM): %.0f MiB without the plan, %.0f MiB with it%n",
        without.memory().peakKib() / 1024.0, with.memory().peakKib() / 1024.0));
    text.append(String.format(Locale.ROOT,
        "- Errors: %d without the plan, %d with it%n", without.errors(), with.errors()));
    return text.toString();
  }

  void print(java.io.PrintStream out) {
    out.println();
    out.println(markdown());
  }

  void write(Path directory, Conditions conditions) throws IOException {
    String stamp =
        conditions.startedAt().toString().replace(":", "").replaceAll("\\.\\d+Z$", "Z");
    Path md = directory.resolve("login-plan-" + plan + "-" + stamp + ".md");
    Files.writeString(md, markdown());
    System.out.println("Written: " + md);
  }
}

/** The summary: printed as a table, and written as JSON and Markdown under bench/results. */
final class Report {

  static final double MAX_ERROR_SHARE = 0.005;
  static final double GOAL_RATIO = 0.7;
  static final long GOAL_PEAK_MIB = 512;
  static final String REFERENCES =
      "Keycloak 26: ratio 0.26-0.32 (12-17 logins/s); bare Spring Authorization Server with an"
          + " in-memory user: 0.49 (both with a lean Java driver on the same 2 cores)";

  private final String label;
  private final Conditions conditions;
  private final Argon2 argon2;
  private final List<TurnResult> turns;
  private final ProcessProbe.Memory memory;
  private final WarmUp warmUp;

  /**
   * @param label what was measured: {@code login}, or {@code login-with-plan-large} and the
   *     like; it names the files written
   */
  Report(
      String label,
      Conditions conditions,
      Argon2 argon2,
      List<TurnResult> turns,
      ProcessProbe.Memory memory,
      WarmUp warmUp) {
    this.label = label;
    this.conditions = conditions;
    this.argon2 = argon2;
    this.turns = turns;
    this.memory = memory;
    this.warmUp = warmUp;
  }

  /** How the warm-up went: logins, seconds, and the JIT compilers' share at its end. */
  record WarmUp(long logins, double seconds, double jitShare) {}

  List<TurnResult> turns() {
    return turns;
  }

  ProcessProbe.Memory memory() {
    return memory;
  }

  static String turnLine(TurnResult turn) {
    LoadTurn.Result logins = turn.logins();
    return String.format(
        Locale.ROOT,
        "Turn %d: %.1f hashes/s (CPU ms/hash %.1f, driver %.2f cores, others %.2f cores)"
            + " | %.1f logins/s, p50 %.0f ms, p95 %.0f ms, p99 %.0f ms,"
            + " %d errors | ratio %.3f | CPU in cores: Rapport %.2f, driver %.2f, others %.2f"
            + " | Rapport CPU ms/login %.1f, of which JIT %.1f, GC %.1f",
        turn.number(),
        turn.hashes().hashesPerSecond(),
        1000 * turn.hashes().cpu().driver() / turn.hashes().hashes(),
        cores(turn.hashes().cpu().driver(), turn.hashes().cpu()),
        cores(turn.hashes().cpu().others(), turn.hashes().cpu()),
        logins.loginsPerSecond(),
        logins.percentileMillis(50),
        logins.percentileMillis(95),
        logins.percentileMillis(99),
        logins.errors(),
        turn.ratio(),
        cores(logins.cpu().rapport(), logins.cpu()),
        cores(logins.cpu().driver(), logins.cpu()),
        cores(logins.cpu().others(), logins.cpu()),
        1000 * logins.cpu().rapport() / logins.logins(),
        1000 * threadGroup(logins.cpu(), "Compiler") / logins.logins(),
        1000 * threadGroup(logins.cpu(), "GC", "VM Thread") / logins.logins());
  }

  /** CPU seconds of the thread groups whose name contains any of the given words. */
  static double threadGroup(CpuSample.Delta cpu, String... words) {
    return cpu.threads().entrySet().stream()
        .filter(group -> Arrays.stream(words).anyMatch(word -> group.getKey().contains(word)))
        .mapToDouble(Map.Entry::getValue)
        .sum();
  }

  private static double cores(double cpuSeconds, CpuSample.Delta delta) {
    return cpuSeconds / delta.wallSeconds();
  }

  double medianRatio() {
    return Percentiles.median(turns.stream().mapToDouble(TurnResult::ratio).toArray());
  }

  double medianLoginsPerSecond() {
    return Percentiles.median(
        turns.stream().mapToDouble(turn -> turn.logins().loginsPerSecond()).toArray());
  }

  double medianHashesPerSecond() {
    return Percentiles.median(
        turns.stream().mapToDouble(turn -> turn.hashes().hashesPerSecond()).toArray());
  }

  long[] allLatencies() {
    return turns.stream()
        .flatMapToLong(turn -> Arrays.stream(turn.logins().latenciesNanos()))
        .toArray();
  }

  long errors() {
    return turns.stream().mapToLong(turn -> turn.logins().errors()).sum();
  }

  double errorShare() {
    long attempts = turns.stream().mapToLong(turn -> turn.logins().attempts()).sum();
    return attempts == 0 ? 1 : (double) errors() / attempts;
  }

  double loadWallSeconds() {
    return turns.stream().mapToDouble(turn -> turn.logins().wallSeconds()).sum();
  }

  double driverCpuSeconds() {
    return turns.stream().mapToDouble(turn -> turn.logins().driverCpuSeconds()).sum();
  }

  double rapportCpuSeconds() {
    return turns.stream().mapToDouble(turn -> turn.logins().cpu().rapport()).sum();
  }

  long logins() {
    return turns.stream().mapToLong(turn -> turn.logins().logins()).sum();
  }

  /** CPU milliseconds one reference hash cost the driver, over all hash turns. */
  double hashCpuMillis() {
    double cpu = turns.stream().mapToDouble(turn -> turn.hashes().cpu().driver()).sum();
    long hashes = turns.stream().mapToLong(turn -> turn.hashes().hashes()).sum();
    return 1000 * cpu / hashes;
  }

  double loginCpuMillis() {
    return 1000 * rapportCpuSeconds() / logins();
  }

  Map<String, Long> errorKinds() {
    Map<String, Long> kinds = new LinkedHashMap<>();
    turns.forEach(turn -> turn.logins().errorKinds().forEach((k, v) -> kinds.merge(k, v, Long::sum)));
    return kinds;
  }

  void print(java.io.PrintStream out) {
    out.println();
    out.println(markdown());
  }

  void write(Path directory) throws IOException {
    Files.createDirectories(directory);
    String stamp =
        conditions.startedAt().toString().replace(":", "").replaceAll("\\.\\d+Z$", "Z");
    Path json = directory.resolve(label + "-" + stamp + ".json");
    Path md = directory.resolve(label + "-" + stamp + ".md");
    Files.writeString(json, json());
    Files.writeString(md, markdown());
    System.out.println("Written: " + json + " and " + md);
  }

  String markdown() {
    StringBuilder text = new StringBuilder();
    header(text);
    table(text);
    totals(text);
    return text.toString();
  }

  private void header(StringBuilder text) {
    Conditions c = conditions;
    text.append("## Rapport login benchmark (").append(label).append("), ").append(c.startedAt())
        .append("\n\n");
    text.append(String.format(Locale.ROOT,
        "- Machine: %d cores, %s, %s; load average at start %s, at end %s%n",
        c.cores(), c.cpuModel(), c.javaVersion(), c.loadAverage(), safeLoadAverage()));
    text.append("- Rapport: ").append(c.rapportOptions()).append("; database ")
        .append(c.database()).append("; Argon2id ").append(argon2).append('\n');
    text.append(String.format(Locale.ROOT,
        "- Load: %d concurrent browsers, %d users, %d turns of %d s hashing then %d s logins,"
            + " after a warm-up of %d logins in %.0f s (JIT compilers at %.0f%% of Rapport's CPU"
            + " at its end)%n%n",
        c.clients(), c.users(), c.turns(), c.seconds(), c.seconds(), warmUp.logins(),
        warmUp.seconds(), 100 * warmUp.jitShare()));
  }

  private void table(StringBuilder text) {
    text.append("| turn | hashes/s | logins/s | ratio | p50 ms | p95 ms | p99 ms | errors |"
        + " CPU ms/hash | CPU ms/login | Rapport cores | driver cores | others' cores |\n");
    text.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (TurnResult turn : turns) {
      LoadTurn.Result l = turn.logins();
      CpuSample.Delta cpu = l.cpu();
      text.append(String.format(Locale.ROOT,
          "| %d | %.1f | %.1f | %.3f | %.0f | %.0f | %.0f | %d | %.1f | %.1f | %.2f | %.2f | %.2f |%n",
          turn.number(), turn.hashes().hashesPerSecond(), l.loginsPerSecond(), turn.ratio(),
          l.percentileMillis(50), l.percentileMillis(95), l.percentileMillis(99), l.errors(),
          1000 * turn.hashes().cpu().driver() / turn.hashes().hashes(),
          1000 * cpu.rapport() / l.logins(),
          cores(cpu.rapport(), cpu), cores(cpu.driver(), cpu), cores(cpu.others(), cpu)));
    }
    long[] all = allLatencies();
    text.append(String.format(Locale.ROOT,
        "| **median / all** | **%.1f** | **%.1f** | **%.3f** | %.0f | %.0f | %.0f | %d |"
            + " %.1f | %.1f | | | |%n%n",
        medianHashesPerSecond(), medianLoginsPerSecond(), medianRatio(),
        Percentiles.of(all, 50) / 1e6, Percentiles.of(all, 95) / 1e6,
        Percentiles.of(all, 99) / 1e6, errors(), hashCpuMillis(), loginCpuMillis()));
    text.append("Latency is one whole login (five requests). CPU ms/hash is the driver's CPU per"
        + " reference hash; CPU ms/login is Rapport's CPU per login. The cores columns are CPU"
        + " seconds per wall second over each login turn; \"others\" is every other process on"
        + " the machine, the noise.\n\n");
  }

  private void totals(StringBuilder text) {
    double wall = loadWallSeconds();
    text.append(String.format(Locale.ROOT,
        "- **Ratio (logins/s ÷ hashes/s), median of %d turns: %.3f** (goal >= %.2f: %s)%n",
        turns.size(), medianRatio(), GOAL_RATIO, medianRatio() >= GOAL_RATIO ? "met" : "NOT met"));
    text.append(String.format(Locale.ROOT,
        "- Rapport resident memory: peak (VmHWM) %.0f MiB, now (VmRSS) %.0f MiB"
            + " (goal < %d MiB: %s)%n",
        memory.peakKib() / 1024.0, memory.currentKib() / 1024.0, GOAL_PEAK_MIB,
        memory.peakKib() < 0 ? "unknown" : memory.peakKib() / 1024 < GOAL_PEAK_MIB ? "met" : "NOT met"));
    text.append(String.format(Locale.ROOT,
        "- Driver CPU over the login turns: %.1f s in %.1f s = %.1f%% of one core"
            + " (%.1f%% of the machine)%n",
        driverCpuSeconds(), wall, 100 * driverCpuSeconds() / wall,
        100 * driverCpuSeconds() / wall / conditions.cores()));
    text.append(String.format(Locale.ROOT,
        "- CPU per login in Rapport: %.1f ms; per reference hash in the driver: %.1f ms;"
            + " their quotient %.3f is the ratio a CPU-bound Rapport reaches when nothing else"
            + " competes for the cores%n",
        loginCpuMillis(), hashCpuMillis(), hashCpuMillis() / loginCpuMillis()));
    text.append(String.format(Locale.ROOT,
        "- Errors: %d of %d attempts (%.2f%%, the run fails above %.1f%%) %s%n",
        errors(), logins() + errors(), 100 * errorShare(), 100 * MAX_ERROR_SHARE,
        errorKinds().isEmpty() ? "" : errorKinds().toString()));
    double idle =
        turns.stream().mapToDouble(turn -> turn.hashes().cpu().rapport()).sum()
            / turns.stream().mapToDouble(turn -> turn.hashes().cpu().wallSeconds()).sum();
    text.append(String.format(Locale.ROOT,
        "- Rapport's CPU during the hash turns (it should be idle): %.3f cores%n", idle));
    text.append("- Rapport's CPU over the login turns by thread, ms per login: ")
        .append(threadBreakdown()).append('\n');
    text.append("- Reference: ").append(REFERENCES).append('\n');
  }

  /** The thread groups that took at least 1% of Rapport's CPU over the login turns. */
  String threadBreakdown() {
    Map<String, Double> groups = new LinkedHashMap<>();
    turns.forEach(
        turn -> turn.logins().cpu().threads().forEach((k, v) -> groups.merge(k, v, Double::sum)));
    double total = rapportCpuSeconds();
    return groups.entrySet().stream()
        .filter(group -> group.getValue() >= 0.01 * total)
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .map(group -> String.format(Locale.ROOT, "%s %.1f", group.getKey(),
            1000 * group.getValue() / logins()))
        .reduce((a, b) -> a + ", " + b)
        .orElse("unknown");
  }

  private static String safeLoadAverage() {
    try {
      return Conditions.readLoadAverage();
    } catch (IOException e) {
      return "unknown";
    }
  }

  String json() {
    StringBuilder json = new StringBuilder("{\n");
    Conditions c = conditions;
    field(json, "startedAt", c.startedAt().toString());
    field(json, "cores", c.cores());
    field(json, "cpuModel", c.cpuModel());
    field(json, "java", c.javaVersion());
    field(json, "loadAverageAtStart", c.loadAverage());
    field(json, "rapportOptions", c.rapportOptions());
    field(json, "database", c.database());
    field(json, "argon2", argon2.toString());
    field(json, "clients", c.clients());
    field(json, "secondsPerTurn", c.seconds());
    field(json, "users", c.users());
    field(json, "warmupSeconds", warmUp.seconds());
    field(json, "warmupLogins", warmUp.logins());
    field(json, "warmupJitShare", warmUp.jitShare());
    json.append("  \"turns\": [\n");
    for (int i = 0; i < turns.size(); i++) {
      json.append(turnJson(turns.get(i))).append(i + 1 < turns.size() ? ",\n" : "\n");
    }
    json.append("  ],\n");
    long[] all = allLatencies();
    field(json, "medianRatio", medianRatio());
    field(json, "medianLoginsPerSecond", medianLoginsPerSecond());
    field(json, "medianHashesPerSecond", medianHashesPerSecond());
    field(json, "p50Millis", Percentiles.of(all, 50) / 1e6);
    field(json, "p95Millis", Percentiles.of(all, 95) / 1e6);
    field(json, "p99Millis", Percentiles.of(all, 99) / 1e6);
    field(json, "rapportPeakRssKib", memory.peakKib());
    field(json, "rapportRssKib", memory.currentKib());
    field(json, "driverCpuShareOfOneCore", driverCpuSeconds() / loadWallSeconds());
    field(json, "rapportCpuMillisPerLogin", loginCpuMillis());
    field(json, "driverCpuMillisPerHash", hashCpuMillis());
    field(json, "cpuRatio", hashCpuMillis() / loginCpuMillis());
    field(json, "errors", errors());
    json.append("  \"errorShare\": ").append(num(errorShare())).append("\n}\n");
    return json.toString();
  }

  private static String turnJson(TurnResult turn) {
    LoadTurn.Result l = turn.logins();
    return String.format(Locale.ROOT,
        "    {\"turn\": %d, \"hashesPerSecond\": %s, \"hashes\": %d, \"hashThreads\": %d,"
            + " \"loginsPerSecond\": %s, \"logins\": %d, \"errors\": %d, \"ratio\": %s,"
            + " \"p50Millis\": %s, \"p95Millis\": %s, \"p99Millis\": %s,"
            + " \"rapportCores\": %s, \"driverCores\": %s, \"othersCores\": %s}",
        turn.number(), num(turn.hashes().hashesPerSecond()), turn.hashes().hashes(),
        turn.hashes().threads(), num(l.loginsPerSecond()), l.logins(), l.errors(),
        num(turn.ratio()), num(l.percentileMillis(50)), num(l.percentileMillis(95)),
        num(l.percentileMillis(99)), num(cores(l.cpu().rapport(), l.cpu())),
        num(cores(l.cpu().driver(), l.cpu())), num(cores(l.cpu().others(), l.cpu())));
  }

  private static void field(StringBuilder json, String name, Object value) {
    String rendered =
        value instanceof Number number ? num(number.doubleValue()) : quote(String.valueOf(value));
    json.append("  \"").append(name).append("\": ").append(rendered).append(",\n");
  }

  private static String num(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return "null";
    }
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value)
        : String.format(Locale.ROOT, "%.4f", value);
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
