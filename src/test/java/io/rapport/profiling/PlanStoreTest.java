package io.rapport.profiling;

import static io.rapport.profiling.QuestionBuilder.ask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.platform.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void changeStoresTheChangedPlanCheckedWhole(TestDatabase database) {
    ProfilingFixture fixture = new ProfilingFixture(database.dataSource()).withAcmeAttributes();
    fixture.plans.replace(AcmeVideoPlan.plan());

    fixture.plans.change(
        plan ->
            plan.withQuestionMoved("country", -5)
                .withQuestion("first-name", AcmeVideoPlan.firstName().withEnabled(false))
                .withoutQuestion("use-case")
                .withNewQuestion(ask("city", "city").build()));

    assertThat(fixture.plans.current().questions())
        .extracting(Question::id)
        .containsExactly(
            "country", "first-name", "company-name", "job-role", "company-size", "city");
    assertThat(fixture.plans.current().question("first-name").orElseThrow().enabled()).isFalse();
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void invalidChangeStoresNothingAndSaysWhatIsWrongWhereverItIs(TestDatabase database) {
    ProfilingFixture fixture = new ProfilingFixture(database.dataSource()).withAcmeAttributes();
    fixture.plans.replace(AcmeVideoPlan.plan());
    Question waitsOnCompany = ask("name-first", "given_name").when("company_name").build();
    Question companyWaitsOnName = ask("company-name", "company_name").when("given_name").build();

    assertThatThrownBy(
            () ->
                fixture.plans.change(
                    plan ->
                        plan.withQuestion("first-name", waitsOnCompany)
                            .withQuestion("company-name", companyWaitsOnName)))
        .isInstanceOfSatisfying(
            InvalidPlanException.class,
            refusal ->
                assertThat(refusal.problems())
                    .extracting(PlanProblem::toString)
                    .containsExactly(
                        "question 'name-first' (questions[0]), when.attribute: conditions form a"
                            + " cycle, so none of them is asked: question 'name-first' asks for"
                            + " given_name only when company_name is known; question"
                            + " 'company-name' asks for company_name only when given_name is"
                            + " known"));

    assertThat(fixture.plans.current()).isEqualTo(AcmeVideoPlan.plan());
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void changeOfAQuestionThatIsNotThereStoresNothing(TestDatabase database) {
    ProfilingFixture fixture = new ProfilingFixture(database.dataSource()).withAcmeAttributes();
    fixture.plans.replace(AcmeVideoPlan.plan());

    assertThatThrownBy(() -> fixture.plans.change(plan -> plan.withoutQuestion("no-such")))
        .isInstanceOf(UnknownQuestionException.class)
        .hasMessage("The plan has no question 'no-such'");

    assertThat(fixture.plans.current()).isEqualTo(AcmeVideoPlan.plan());
  }

  /**
   * Writers started together, before any plan exists and then once it does, each add a question:
   * none is lost, because each change reads the plan only once the one before it is stored.
   */
  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void changesMadeAtOnceAreAllKept(TestDatabase database) throws Exception {
    ProfilingFixture fixture = new ProfilingFixture(database.dataSource());
    List<String> attributes = List.of("city", "industry", "github", "twitter");

    addAtOnce(fixture, attributes, "first-");
    addAtOnce(fixture, attributes, "then-");

    assertThat(fixture.plans.current().questions()).hasSize(2 * attributes.size());
  }

  private static void addAtOnce(ProfilingFixture fixture, List<String> attributes, String prefix)
      throws Exception {
    CyclicBarrier start = new CyclicBarrier(attributes.size());
    try (ExecutorService writers = Executors.newFixedThreadPool(attributes.size())) {
      List<Future<Plan>> done = new ArrayList<>();
      for (String attribute : attributes) {
        Question question = ask(prefix + attribute, attribute).build();
        done.add(
            writers.submit(
                () -> {
                  start.await();
                  return fixture.plans.change(plan -> plan.withNewQuestion(question));
                }));
      }
      for (Future<Plan> writer : done) {
        writer.get();
      }
    }
  }
}
