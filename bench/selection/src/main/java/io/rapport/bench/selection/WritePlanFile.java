package io.rapport.bench.selection;

import io.rapport.profiling.Plan;
import io.rapport.profiling.SelectionBenchAccess;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the login benchmark's import file: {@code WritePlanFile <file>}. The plan is checked as
 * the plan store checks it before it is written, so that a start of Rapport does not fail on it.
 */
public final class WritePlanFile {

  private WritePlanFile() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      throw new IllegalArgumentException("Usage: WritePlanFile <import file to write>");
    }
    Plan plan = BenchPlan.plan(BenchPlan.LOGIN_POLICY);
    SelectionBenchAccess.validate(plan, BenchCatalog.attributes());
    Path file = Path.of(args[0]);
    Files.writeString(file, PlanYaml.write(BenchCatalog.entries(), plan));
    System.out.println("Written " + file + ": " + BenchPlan.describe(plan));
  }
}
