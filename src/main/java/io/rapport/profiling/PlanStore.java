package io.rapport.profiling;

import io.rapport.profile.Attribute;
import io.rapport.profile.AttributeCatalog;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The stored plan: a JSON document per question in plan order, and one for the policy. The import
 * file replaces it whole; the console changes it a question at a time. Either way the whole plan is
 * checked before anything is stored, and each write holds a lock on the policy row, so that two
 * writers, on one node or several, do not lose each other's changes.
 *
 * <p>Every call reads the database, so a plan stored on one node is used by all at once. Only the
 * reading of the JSON documents is spared: while the rows read are the same text as at the last
 * call, the plan made from them then is returned again (plans are immutable). With a plan of 200
 * questions the parsing was four fifths of the plan's cost at each login (docs/performance.md).
 */
@Component
public final class PlanStore {

  private static final Logger log = LoggerFactory.getLogger(PlanStore.class);

  private static final int POLICY_ROW = 1;

  private final JdbcClient jdbc;
  private final AttributeCatalog catalog;
  private final Clock clock;
  private final TransactionTemplate transactions;
  private final TransactionTemplate separateTransactions;
  private final AtomicReference<ReadPlan> lastRead = new AtomicReference<>();

  public PlanStore(
      JdbcClient jdbc,
      AttributeCatalog catalog,
      Clock clock,
      PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.catalog = catalog;
    this.clock = clock;
    this.transactions = new TransactionTemplate(transactionManager);
    this.separateTransactions = new TransactionTemplate(transactionManager);
    separateTransactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** The plan in use; {@link Plan#EMPTY} until one is stored. */
  public Plan current() {
    String policyDocument =
        jdbc.sql("SELECT definition FROM profiling_policy WHERE id = ?")
            .param(POLICY_ROW)
            .query(String.class)
            .optional()
            .orElse(null);
    List<String> questionDocuments =
        jdbc.sql("SELECT definition FROM profiling_question ORDER BY sort_order")
            .query(String.class)
            .list();
    ReadPlan last = lastRead.get();
    if (last != null && last.madeFrom(policyDocument, questionDocuments)) {
      return last.plan();
    }
    Policy policy = policyDocument == null ? Policy.DEFAULT : PlanDocuments.policy(policyDocument);
    List<Question> questions = questionDocuments.stream().map(PlanDocuments::question).toList();
    Plan plan = new Plan(policy, questions);
    lastRead.set(new ReadPlan(policyDocument, List.copyOf(questionDocuments), plan));
    return plan;
  }

  /** A plan and the stored documents it was made from. */
  private record ReadPlan(String policyDocument, List<String> questionDocuments, Plan plan) {

    boolean madeFrom(String policy, List<String> questions) {
      return Objects.equals(policyDocument, policy) && questionDocuments.equals(questions);
    }
  }

  /**
   * Checks the plan against the attribute catalog and makes it the plan in use, in one transaction
   * (the caller's, when there is one).
   *
   * @return the plan as stored, its values normalised
   * @throws InvalidPlanException listing every problem; nothing is stored then
   */
  public Plan replace(Plan plan) {
    return write(ignored -> plan);
  }

  /**
   * Applies the change to the plan in use and stores the result, checked whole as {@link #replace}
   * checks it, in one transaction: the change sees the plan as no other writer can change it until
   * it is stored.
   *
   * @param change the plan in use to the plan to store, such as {@code plan ->
   *     plan.withoutQuestion("country")}; what it throws is thrown on, and nothing is stored
   * @return the plan as stored
   * @throws InvalidPlanException listing every problem of the changed plan; nothing is stored then
   */
  public Plan change(UnaryOperator<Plan> change) {
    return write(change);
  }

  private Plan write(UnaryOperator<Plan> change) {
    ensurePolicyRow();
    return transactions.execute(
        status -> {
          lock();
          return store(validate(change.apply(current())));
        });
  }

  /**
   * Writers lock the policy row, so there must be one before the first plan is stored: a row with
   * the default policy, which is what a missing row means, committed on its own.
   */
  private void ensurePolicyRow() {
    if (policyRowExists()) {
      return;
    }
    try {
      separateTransactions.executeWithoutResult(
          status -> insertPolicy(Policy.DEFAULT, Instant.now(clock).atOffset(ZoneOffset.UTC)));
    } catch (DuplicateKeyException e) {
      log.debug("Another writer stored the first policy row at the same time", e);
    }
  }

  private boolean policyRowExists() {
    return jdbc.sql("SELECT COUNT(*) FROM profiling_policy WHERE id = ?")
            .param(POLICY_ROW)
            .query(Long.class)
            .single()
        > 0;
  }

  /** Holds the policy row until the transaction ends. */
  private void lock() {
    jdbc.sql("SELECT id FROM profiling_policy WHERE id = ? FOR UPDATE")
        .param(POLICY_ROW)
        .query(Integer.class)
        .optional();
  }

  private Plan validate(Plan plan) {
    Map<String, Attribute> attributes =
        catalog.all().stream().collect(Collectors.toMap(Attribute::key, Function.identity()));
    return new PlanValidator(attributes).validate(plan);
  }

  private Plan store(Plan plan) {
    var now = Instant.now(clock).atOffset(ZoneOffset.UTC);
    // Updated in place rather than deleted and inserted, so that a writer waiting on its lock
    // finds the row still there once this transaction ends.
    int updated =
        jdbc.sql("UPDATE profiling_policy SET definition = ?, updated_at = ? WHERE id = ?")
            .params(PlanDocuments.write(plan.policy()), now, POLICY_ROW)
            .update();
    if (updated == 0) {
      insertPolicy(plan.policy(), now);
    }
    jdbc.sql("DELETE FROM profiling_question").update();
    for (int i = 0; i < plan.questions().size(); i++) {
      Question question = plan.questions().get(i);
      jdbc.sql(
              """
              INSERT INTO profiling_question (question_id, sort_order, definition, updated_at)
              VALUES (?, ?, ?, ?)""")
          .params(question.id(), i, PlanDocuments.write(question), now)
          .update();
    }
    log.debug("Profiling plan stored: {} questions", plan.questions().size());
    return plan;
  }

  private void insertPolicy(Policy policy, OffsetDateTime now) {
    jdbc.sql("INSERT INTO profiling_policy (id, definition, updated_at) VALUES (?, ?, ?)")
        .params(POLICY_ROW, PlanDocuments.write(policy), now)
        .update();
  }
}
