package io.rapport.bench.selection;

import io.rapport.profile.SelectionBenchProfiles;
import io.rapport.profiling.DueQuestion;
import io.rapport.profiling.Moments;
import io.rapport.profiling.Plan;
import io.rapport.profiling.PromptHistory;
import io.rapport.profiling.Question;
import io.rapport.profiling.QuestionSelector;
import io.rapport.profiling.SelectionBenchAccess;
import io.rapport.profiling.Situation;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The JMH benchmarks; {@link SelectionBench} runs them and prints the table. Each call takes the
 * next of {@value BenchUsers#USERS} users, so that the timings mix users with different profiles
 * and histories rather than one user's best case.
 */
public class SelectionBenchmark {

  static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

  /** The plan and users at one login number; the login numbers make different questions due. */
  @State(Scope.Thread)
  public static class AtLogin {

    @Param({"1", "2", "3", "5", "8", "20"})
    public int login;

    Plan plan;
    QuestionSelector selector;
    BenchUsers.User[] users;
    Situation[] situations;
    String policyDocument;
    List<String> questionDocuments;
    int next;

    @Setup(Level.Trial)
    public void setUp() {
      plan =
          SelectionBenchAccess.validate(
              BenchPlan.plan(BenchPlan.SELECTION_POLICY), BenchCatalog.attributes());
      selector = new QuestionSelector(Clock.fixed(NOW, ZoneOffset.UTC));
      users = new BenchUsers(plan, NOW).at(login).toArray(BenchUsers.User[]::new);
      situations = new Situation[users.length];
      for (int i = 0; i < users.length; i++) {
        situations[i] = users[i].at(login);
      }
      policyDocument = SelectionBenchAccess.policyDocument(plan);
      questionDocuments = SelectionBenchAccess.questionDocuments(plan);
    }

    int nextUser() {
      next = (next + 1) % users.length;
      return next;
    }
  }

  /** QuestionSelector.select alone: the plan and the situation are at hand. */
  @Benchmark
  public List<DueQuestion> select(AtLogin state) {
    return state.selector.select(state.plan, state.situations[state.nextUser()]);
  }

  /**
   * The in-memory part of {@code PromptService.atLogin}: the plan made from its stored JSON
   * documents (what {@code PlanStore.current()} does with its rows), the profile assembled from the
   * user's observations (what {@code ProfileService.profileOf} does with its rows), the history
   * made from its maps, then the selection. The SQL itself is not in it.
   */
  @Benchmark
  public List<DueQuestion> atLoginInMemory(AtLogin state) {
    BenchUsers.User user = state.users[state.nextUser()];
    Plan plan = SelectionBenchAccess.readPlan(state.policyDocument, state.questionDocuments);
    var profile =
        SelectionBenchProfiles.assemble(user.id(), user.attributes(), user.observations());
    PromptHistory history = new PromptHistory(user.questions(), user.prompts());
    Situation situation =
        new Situation(
            profile, state.login, user.signedUpAt(), Moments.LOGIN, BenchPlan.CLIENT_ID, history);
    return state.selector.select(plan, situation);
  }

  /** Part of {@link #atLoginInMemory}: the plan made from its 201 stored JSON documents. */
  @Benchmark
  public Plan readPlanDocuments(AtLogin state) {
    return SelectionBenchAccess.readPlan(state.policyDocument, state.questionDocuments);
  }

  /** Part of {@link #atLoginInMemory}: one user's profile assembled from its observations. */
  @Benchmark
  public Object assembleProfile(AtLogin state) {
    BenchUsers.User user = state.users[state.nextUser()];
    return SelectionBenchProfiles.assemble(user.id(), user.attributes(), user.observations());
  }

  /** Reference: the same selection call with an empty plan, the least a selection costs. */
  @Benchmark
  public List<DueQuestion> referenceEmptyPlan(AtLogin state) {
    return state.selector.select(Plan.EMPTY, state.situations[state.nextUser()]);
  }

  /**
   * Reference: a plain loop over the 200 questions doing the three lookups every selection must do
   * for each (the profile's value, the question's history, its moments), and nothing else.
   */
  @Benchmark
  public int referencePlainScan(AtLogin state) {
    return scan(state.plan, state.situations[state.nextUser()]);
  }

  /**
   * Reference for the tail, timed beside {@link #select} at every login number: eight plain scans,
   * each for the next user, about as long as one select call (some 40 µs on the 2-core machine of
   * docs/performance.md). A call is descheduled by other processes about in proportion to its
   * length, so a reference much shorter than select would keep a clean p99 while select's suffers;
   * this one meets the same preemptions, and a select p99 far above its p99 is the selection's own.
   */
  @Benchmark
  public int referenceEightScans(AtLogin state) {
    int found = 0;
    for (int pass = 0; pass < 8; pass++) {
      found += scan(state.plan, state.situations[state.nextUser()]);
    }
    return found;
  }

  private static int scan(Plan plan, Situation situation) {
    int found = 0;
    for (Question question : plan.questions()) {
      if (situation.profile().values().get(question.attribute()) != null) {
        found++;
      }
      if (situation.history().questions().get(question.id()) != null) {
        found++;
      }
      if (question.when().moments().contains(situation.moment())) {
        found++;
      }
    }
    return found;
  }
}
