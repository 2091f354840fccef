package io.rapport.profiling;

import static io.rapport.profiling.QuestionBuilder.ask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.platform.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PlanStoreTest {

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void withoutAStoredPlanNothingIsAsked(TestDatabase database) {
    ProfilingFixture fixture = new ProfilingFixture(database.dataSource());

    assertThat(fixture.plans.current()).isEqualTo(Plan.EMPTY);
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void storedPlanIsReadBackWhole(TestDatabase database) {
    ProfilingFixture fixture = new ProfilingFixture(database.dataSource()).withAcmeAttributes();

    fixture.plans.replace(AcmeVideoPlan.plan());

    assertThat(fixture.plans.current()).isEqualTo(AcmeVideoPlan.plan());
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void replacingThePlanKeepsOnlyTheNewQuestionsInTheirNewOrder(TestDatabase database) {
    ProfilingFixture fixture = new ProfilingFixture(database.dataSource()).withAcmeAttributes();
    fixture.plans.replace(AcmeVideoPlan.plan());
    Plan next =
        new Plan(
            new Policy(3, new Policy.FrictionBudget(2, 7), new Policy.Snooze(null, 14, 1)),
            List.of(
                ask("role", "job_role").when("company_name").lowConfidence(0.5).build(),
                AcmeVideoPlan.country(),
                ask("size", "company_size").input(InputKind.NUMBER).range("1", "1e6").build()));

    Plan stored = fixture.plans.replace(next);

    assertThat(fixture.plans.current()).isEqualTo(stored).isEqualTo(next);
    assertThat(fixture.count("profiling_question")).isEqualTo(3);
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void aPlanStoredThroughAnotherNodeIsUsedAtTheNextRead(TestDatabase database) {
    ProfilingFixture storing = new ProfilingFixture(database.dataSource()).withAcmeAttributes();
    ProfilingFixture reading = new ProfilingFixture(database.dataSource());
    storing.plans.replace(AcmeVideoPlan.plan());
    assertThat(reading.plans.current()).isEqualTo(AcmeVideoPlan.plan());
    Plan next =
        new Plan(
            new Policy(1, null, Policy.Snooze.DEFAULT),
            List.of(AcmeVideoPlan.country(), ask("role", "job_role").build()));

    storing.plans.replace(next);

    assertThat(reading.plans.current()).isEqualTo(next);
    storing.plans.replace(new Plan(Policy.DEFAULT, List.of()));
    assertThat(reading.plans.current().questions()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void invalidPlanLeavesTheStoredPlanAsItWas(TestDatabase database) {
    ProfilingFixture fixture = new ProfilingFixture(database.dataSource()).withAcmeAttributes();
    fixture.plans.replace(AcmeVideoPlan.plan());
    Plan invalid =
        new Plan(Policy.DEFAULT, List.of(AcmeVideoPlan.country(), ask("x", "unknown").build()));

    assertThatThrownBy(() -> fixture.plans.replace(invalid))
        .isInstanceOf(InvalidPlanException.class)
        .hasMessageContaining("question 'x' (questions[1]), attribute: unknown attribute");

    assertThat(fixture.plans.current()).isEqualTo(AcmeVideoPlan.plan());
  }
}
