package io.rapport.setup;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.platform.testing.TestDatabase;
import io.rapport.profile.Attribute;
import io.rapport.profile.AttributeCatalog;
import io.rapport.profile.Sensitivity;
import io.rapport.profile.ValueType;
import io.rapport.profiling.AcmeVideoPlan;
import io.rapport.profiling.Plan;
import io.rapport.profiling.PlanSamples;
import io.rapport.profiling.PlanStore;
import io.rapport.profiling.PlanYaml;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The plan exported as the console offers it, read back through the import file: the same plan as
 * the one stored.
 */
class PlanExportTest {

  /** Variables the sample's texts mention: an unescaped reference would be replaced by these. */
  private final ImportFileReader reader =
      new ImportFileReader(
          new VariableExpander(Map.of("PRICE", "12 EUR", "LITERAL", "expanded")::get));

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void exportedPlanReadThroughTheImportFileIsTheStoredPlan(TestDatabase database) {
    PlanStore plans = planStore(database);

    for (Plan plan : List.of(AcmeVideoPlan.plan(), PlanSamples.everyKey(), Plan.EMPTY)) {
      plans.replace(plan);
      Plan stored = plans.current();

      String exported = PlanYaml.importFile(stored, Instant.parse("2026-12-01T09:30:00.123Z"));
      ImportPlan read = reader.parse("exported.yaml", exported);

      assertThat(exported).startsWith("# The progressive profiling plan of Rapport, exported 2026");
      assertThat(read.profiling().plan()).as(exported).isEqualTo(stored).isEqualTo(plan);
      assertThat(read.applications()).isEmpty();
      assertThat(read.attributes()).isEmpty();
    }
  }

  private static PlanStore planStore(TestDatabase database) {
    DataSourceTransactionManager transactions =
        new DataSourceTransactionManager(database.dataSource());
    AttributeCatalog catalog = new AttributeCatalog(database.jdbc(), transactions);
    catalog.define(
        new Attribute(
            "use_case", ValueType.TEXT, Sensitivity.PUBLIC, Map.of("en", "Use case"), false));
    return new PlanStore(database.jdbc(), catalog, Clock.systemUTC(), transactions);
  }
}
