package io.rapport.profiling;

import io.rapport.profile.Attribute;
import io.rapport.profile.AttributeCatalog;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The stored plan: a JSON document per question in plan order, and one for the policy. The import
 * file replaces it whole; the console will edit it through the same methods.
 *
 * <p>Nothing is cached: every node reads the database, so a plan stored on one node is used by all
 * at once.
 */
@Component
public final class PlanStore {

  private static final Logger log = LoggerFactory.getLogger(PlanStore.class);

  private static final int POLICY_ROW = 1;

  private final JdbcClient jdbc;
  private final AttributeCatalog catalog;
  private final Clock clock;
  private final TransactionTemplate transactions;

  public PlanStore(
      JdbcClient jdbc,
      AttributeCatalog catalog,
      Clock clock,
      PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.catalog = catalog;
    this.clock = clock;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /** The plan in use; {@link Plan#EMPTY} until one is stored. */
  public Plan current() {
    Policy policy =
        jdbc.sql("SELECT definition FROM profiling_policy WHERE id = ?")
            .param(POLICY_ROW)
            .query(String.class)
            .optional()
            .map(PlanDocuments::policy)
            .orElse(Policy.DEFAULT);
    List<Question> questions =
        jdbc
            .sql("SELECT definition FROM profiling_question ORDER BY sort_order")
            .query(String.class)
            .list()
            .stream()
            .map(PlanDocuments::question)
            .toList();
    return new Plan(policy, questions);
  }

  /**
   * Checks the plan against the attribute catalog and makes it the plan in use, in one transaction
   * (the caller's, when there is one).
   *
   * @return the plan as stored, its values normalised
   * @throws InvalidPlanException listing every problem; nothing is stored then
   */
  public Plan replace(Plan plan) {
    return transactions.execute(status -> store(validate(plan)));
  }

  private Plan validate(Plan plan) {
    Map<String, Attribute> attributes =
        catalog.all().stream().collect(Collectors.toMap(Attribute::key, Function.identity()));
    return new PlanValidator(attributes).validate(plan);
  }

  private Plan store(Plan plan) {
    var now = Instant.now(clock).atOffset(ZoneOffset.UTC);
    jdbc.sql("DELETE FROM profiling_policy").update();
    jdbc.sql("INSERT INTO profiling_policy (id, definition, updated_at) VALUES (?, ?, ?)")
        .params(POLICY_ROW, PlanDocuments.write(plan.policy()), now)
        .update();
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
}
