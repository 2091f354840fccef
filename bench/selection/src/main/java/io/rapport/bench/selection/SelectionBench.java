package io.rapport.bench.selection;

import io.rapport.profiling.DueQuestion;
import io.rapport.profiling.Plan;
import io.rapport.profiling.QuestionSelector;
import io.rapport.profiling.SelectionBenchAccess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs the selection benchmarks with JMH in sample-time mode (every sampled call timed on its own)
 * and prints their percentiles beside the references measured in the same run, with the CPU other
 * processes took meanwhile. See bench/README.md.
 */
public final class SelectionBench {

  static final double GOAL_P99_MICROS = 500;
  private static final String JVM_OPTIONS = "-XX:+UseSerialGC -Xss512k -Xmx256m";

  private final Map<String, String> options;
  private final List<Row> rows = new ArrayList<>();

  private SelectionBench(Map<String, String> options) {
    this.options = options;
  }

  /** One benchmark at one login number, and the machine while it ran. */
  record Row(String benchmark, int login, Statistics statistics, Load load) {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("forks", "2");
    options.put("warmup", "4");
    options.put("iterations", "5");
    options.put("seconds", "2");
    options.put("logins", "1,2,3,5,8,20");
    options.put("path-logins", "1,3,20");
    options.put("results-dir", "bench/results");
    for (String arg : args) {
      int equals = arg.indexOf('=');
      if (!arg.startsWith("--") || equals < 0 || !options.containsKey(arg.substring(2, equals))) {
        throw new IllegalArgumentException(
            "Unknown argument '"
                + arg
                + "'; expected --name=value with a name of "
                + options.keySet());
      }
      options.put(arg.substring(2, equals), arg.substring(equals + 1));
    }
    new SelectionBench(options).run();
  }

  private void run() throws RunnerException, IOException {
    String startedAt = Instant.now().toString();
    String loadAtStart = Load.average();
    List<Integer> logins =
        List.of(options.get("logins").split(",")).stream().map(Integer::parseInt).toList();
    String inputs = describeInputs(logins);
    System.out.print(inputs);
    // Each login number's select is followed at once by its reference on the same users, so that
    // both see the machine within seconds of each other and are printed side by side.
    for (int login : logins) {
      measure("select", login);
      measure("referenceEightScans", login);
    }
    for (String login : options.get("path-logins").split(",")) {
      measure("atLoginInMemory", Integer.parseInt(login));
    }
    int middle = logins.get(logins.size() / 2);
    measure("readPlanDocuments", middle);
    measure("assembleProfile", middle);
    measure("referencePlainScan", middle);
    measure("referenceEmptyPlan", middle);
    String report = report(startedAt, loadAtStart, inputs);
    System.out.println();
    System.out.println(report);
    Path directory = Path.of(options.get("results-dir"));
    Files.createDirectories(directory);
    Path file =
        directory.resolve(
            "selection-" + startedAt.replace(":", "").replaceAll("\\.\\d+Z$", "Z") + ".md");
    Files.writeString(file, report);
    System.out.println("Written: " + file);
  }

  private void measure(String benchmark, int login) throws RunnerException, IOException {
    ChainedOptionsBuilder jmh =
        new OptionsBuilder()
            .include(SelectionBenchmark.class.getName() + "." + benchmark + "$")
            .param("login", Integer.toString(login))
            .mode(Mode.SampleTime)
            .timeUnit(java.util.concurrent.TimeUnit.MICROSECONDS)
            .forks(Integer.parseInt(options.get("forks")))
            .warmupIterations(Integer.parseInt(options.get("warmup")))
            .warmupTime(TimeValue.seconds(Long.parseLong(options.get("seconds"))))
            .measurementIterations(Integer.parseInt(options.get("iterations")))
            .measurementTime(TimeValue.seconds(Long.parseLong(options.get("seconds"))))
            .threads(1)
            .jvmArgs(forkJvmOptions())
            .verbosity(VerboseMode.SILENT);
    Load.Sample before = Load.Sample.take();
    RunResult result = new Runner(jmh.build()).runSingle();
    Load load = Load.Sample.take().since(before);
    Row row = new Row(benchmark, login, result.getPrimaryResult().getStatistics(), load);
    rows.add(row);
    System.out.println(line(row));
  }

  /**
   * The forks' options: Rapport's collector and heap, and, from JDK 23 on, leave for JMH 1.37's
   * calls of sun.misc.Unsafe, which JDK 24 and later would otherwise warn about in every fork.
   */
  private static String[] forkJvmOptions() {
    List<String> jvm = new ArrayList<>(List.of(JVM_OPTIONS.split(" ")));
    if (Runtime.version().feature() >= 23) {
      jvm.add("--sun-misc-unsafe-memory-access=allow");
    }
    return jvm.toArray(String[]::new);
  }

  private static String line(Row row) {
    Statistics s = row.statistics();
    return String.format(
        Locale.ROOT,
        "%-20s login %2d: p50 %7.1f µs, p90 %7.1f, p99 %7.1f, p99.9 %7.1f, max %8.1f"
            + " (%,d samples; this benchmark %.2f cores, others %.2f cores)",
        row.benchmark(),
        row.login(),
        s.getPercentile(50),
        s.getPercentile(90),
        s.getPercentile(99),
        s.getPercentile(99.9),
        s.getMax(),
        s.getN(),
        row.load().bench(),
        row.load().others());
  }

  /** The plan, the users, and how many questions are due for them at each login number. */
  private static String describeInputs(List<Integer> logins) {
    Plan plan =
        SelectionBenchAccess.validate(
            BenchPlan.plan(BenchPlan.SELECTION_POLICY), BenchCatalog.attributes());
    StringBuilder text = new StringBuilder();
    text.append("- Plan: ")
        .append(BenchPlan.describe(plan))
        .append("; policy ")
        .append(plan.policy())
        .append('\n');
    text.append(
        String.format(
            Locale.ROOT,
            "- Users: %d, each with %d known attributes of %d, 2 to 4 observations each from mixed"
                + " sources and confidences, about 30 questions in their history, 2 to 5 prompts in"
                + " the last 30 days%n",
            BenchUsers.USERS,
            BenchUsers.KNOWN_ATTRIBUTES,
            BenchCatalog.entries().size()));
    QuestionSelector selector =
        new QuestionSelector(Clock.fixed(SelectionBenchmark.NOW, ZoneOffset.UTC));
    for (int login : logins) {
      List<BenchUsers.User> users = new BenchUsers(plan, SelectionBenchmark.NOW).at(login);
      int chosen = 0;
      Set<String> distinct = new HashSet<>();
      int heldBack = 0;
      for (BenchUsers.User user : users) {
        List<DueQuestion> due = selector.select(plan, user.at(login));
        chosen += due.size();
        due.forEach(found -> distinct.add(found.question().id()));
        heldBack += due.isEmpty() ? 1 : 0;
      }
      // Unchecked on purpose: a prompt of 1000 questions counts every question due.
      Plan unlimited =
          new Plan(
              new io.rapport.profiling.Policy(1000, null, plan.policy().snooze()),
              plan.questions());
      int eligible = 0;
      for (BenchUsers.User user : users) {
        eligible += selector.select(unlimited, user.at(login)).size();
      }
      text.append(
          String.format(
              Locale.ROOT,
              "- Login %d: %.1f questions due per user on average before the prompt's limits, %.1f"
                  + " chosen, %d distinct questions chosen over the users, %d users with nothing"
                  + " chosen (friction budget spent)%n",
              login,
              (double) eligible / users.size(),
              (double) chosen / users.size(),
              distinct.size(),
              heldBack));
    }
    return text.toString();
  }

  private String report(String startedAt, String loadAtStart, String inputs) {
    StringBuilder text = new StringBuilder();
    text.append("## Rapport selection benchmark, ").append(startedAt).append("\n\n");
    text.append(
        String.format(
            Locale.ROOT,
            "- Machine: %d cores, %s, %s; load average at start %s, at end %s%n",
            Runtime.getRuntime().availableProcessors(),
            Load.cpuModel(),
            System.getProperty("java.vm.name") + " " + Runtime.version(),
            loadAtStart,
            Load.average()));
    text.append(
        String.format(
            Locale.ROOT,
            "- JMH %s, sample time; %s forks of %s warm-up and %s measured iterations of %s s, one"
                + " thread; fork JVM options %s%n",
            jmhVersion(),
            options.get("forks"),
            options.get("warmup"),
            options.get("iterations"),
            options.get("seconds"),
            JVM_OPTIONS));
    text.append(inputs).append('\n');
    text.append(
        "| benchmark | login | samples | p50 µs | p90 µs | p99 µs | p99.9 µs | max µs |"
            + " bench cores | others' cores |\n");
    text.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Row row : rows) {
      Statistics s = row.statistics();
      text.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %,d | %.1f | %.1f | %.1f | %.1f | %.1f | %.2f | %.2f |%n",
              row.benchmark(),
              row.login(),
              s.getN(),
              s.getPercentile(50),
              s.getPercentile(90),
              s.getPercentile(99),
              s.getPercentile(99.9),
              s.getMax(),
              row.load().bench(),
              row.load().others()));
    }
    text.append('\n');
    text.append(besideReference());
    text.append('\n');
    Row worst =
        rows.stream()
            .filter(row -> row.benchmark().equals("select"))
            .max(java.util.Comparator.comparingDouble(row -> row.statistics().getPercentile(99)))
            .orElseThrow();
    double worstP99 = worst.statistics().getPercentile(99);
    text.append(
        String.format(
            Locale.ROOT,
            "- **select, worst p99 over the login numbers: %.1f µs, at login %d** (goal < %.0f µs at"
                + " every login number: %s)%n",
            worstP99,
            worst.login(),
            GOAL_P99_MICROS,
            worstP99 < GOAL_P99_MICROS ? "met" : "NOT met"));
    text.append(
        "- References: `referenceEightScans` is eight passes of `referencePlainScan`, about as"
            + " long as a select call, so that other processes deschedule it about as often, timed"
            + " right after `select` at each login number; `referencePlainScan` is one loop over"
            + " the 200 questions doing only the three map lookups each selection needs (profile"
            + " value, question history, moments); `referenceEmptyPlan` is the same `select` call"
            + " with an empty plan, the least a call costs.\n");
    text.append(
        "- \"bench cores\" is the CPU the JMH forks and this launcher took per wall second (one"
            + " thread measures; the JIT and GC threads add to it); \"others' cores\" is every"
            + " other process on the machine over the same time, the noise.\n");
    return text.toString();
  }

  /**
   * Each login number's select beside the reference measured right after it on the same users: the
   * same machine within seconds. A select p99 far above its reference's while the reference's own
   * p99 is far above its p50 says the machine, not the selection, made the tail.
   */
  private String besideReference() {
    StringBuilder text = new StringBuilder();
    text.append(
        "| login | select p50 µs | select p99 µs | reference p50 µs | reference p99 µs |"
            + " select ÷ reference, p99 | others' cores (select, reference) |\n");
    text.append("|---:|---:|---:|---:|---:|---:|---|\n");
    for (Row select : rows) {
      if (!select.benchmark().equals("select")) {
        continue;
      }
      rows.stream()
          .filter(row -> row.benchmark().equals("referenceEightScans"))
          .filter(row -> row.login() == select.login())
          .findFirst()
          .ifPresent(
              reference ->
                  text.append(
                      String.format(
                          Locale.ROOT,
                          "| %d | %.1f | **%.1f** | %.1f | %.1f | %.1f | %.2f, %.2f |%n",
                          select.login(),
                          select.statistics().getPercentile(50),
                          select.statistics().getPercentile(99),
                          reference.statistics().getPercentile(50),
                          reference.statistics().getPercentile(99),
                          select.statistics().getPercentile(99)
                              / reference.statistics().getPercentile(99),
                          select.load().others(),
                          reference.load().others())));
    }
    text.append(
        "\n(reference: `referenceEightScans`, eight plain scans of the plan, about as long as a"
            + " select call, at the same login number, measured right after `select`)\n");
    return text.toString();
  }

  private static String jmhVersion() {
    return org.openjdk.jmh.util.Version.getPlainVersion();
  }
}
