package io.rapport.bench.selection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU taken over a stretch of wall time, from /proc (Linux): by the benchmark (this process and the
 * JMH forks it waited for) and by every other process, the noise.
 *
 * @param bench CPU seconds of the benchmark per wall second
 * @param others CPU seconds of every other process per wall second
 */
record Load(double bench, double others) {

  private static final double CLOCK_TICKS = 100;

  /** Counters at one moment, in clock ticks. */
  record Sample(long nanos, long machineBusy, long bench) {

    static Sample take() throws IOException {
      return new Sample(System.nanoTime(), readMachineBusy(), readBenchTicks());
    }

    Load since(Sample before) {
      double wall = (nanos - before.nanos) / 1e9;
      double bench = (this.bench - before.bench) / CLOCK_TICKS;
      double machine = (machineBusy - before.machineBusy) / CLOCK_TICKS;
      return new Load(bench / wall, Math.max(0, machine - bench) / wall);
    }
  }

  /** User, nice, system, irq and softirq ticks of all cores (idle and iowait left out). */
  private static long readMachineBusy() throws IOException {
    String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
    long busy = 0;
    for (int i = 1; i <= 8 && i < fields.length; i++) {
      if (i != 4 && i != 5) {
        busy += Long.parseLong(fields[i]);
      }
    }
    return busy;
  }

  /** utime + stime of this process and cutime + cstime of the children it waited for. */
  private static long readBenchTicks() throws IOException {
    String stat = Files.readString(Path.of("/proc/self/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11])
        + Long.parseLong(fields[12])
        + Long.parseLong(fields[13])
        + Long.parseLong(fields[14]);
  }

  static String average() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(line -> line.startsWith("model name"))
          .map(line -> line.substring(line.indexOf(':') + 1).trim())
          .findFirst()
          .orElse("unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
