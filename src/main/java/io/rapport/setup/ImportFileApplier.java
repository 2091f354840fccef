package io.rapport.setup;

import io.rapport.identity.ApplicationRegistry;
import io.rapport.identity.InvalidApplicationException;
import io.rapport.platform.AuditEventType;
import io.rapport.platform.AuditLog;
import io.rapport.profile.AttributeCatalog;
import io.rapport.profile.InvalidAttributeException;
import io.rapport.profiling.InvalidPlanException;
import io.rapport.profiling.PlanStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies an import file: attributes first, so that applications may claim attributes and the plan
 * may ask for attributes the same file defines, then applications, then the profiling plan, all in
 * one transaction. Applying the same file again changes nothing; what the file no longer declares
 * is left as it is, except the plan, which a {@code profiling} section replaces whole.
 */
@Component
final class ImportFileApplier {

  static final String ACTOR = "import";

  private static final Logger log = LoggerFactory.getLogger(ImportFileApplier.class);

  private final ImportFileReader reader;
  private final ApplicationRegistry registry;
  private final AttributeCatalog catalog;
  private final PlanStore plans;
  private final AuditLog audit;
  private final TransactionTemplate transactions;

  ImportFileApplier(
      ConfigurableEnvironment environment,
      ApplicationRegistry registry,
      AttributeCatalog catalog,
      PlanStore plans,
      AuditLog audit,
      PlatformTransactionManager transactionManager) {
    this.reader = new ImportFileReader(VariableExpander.of(environment));
    this.registry = registry;
    this.catalog = catalog;
    this.plans = plans;
    this.audit = audit;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /**
   * Reads, checks and applies the file; nothing of it is written unless all of it is.
   *
   * @throws InvalidImportFileException listing every problem found
   */
  ImportSummary apply(Path file) {
    ImportPlan plan = reader.read(file);
    try {
      return transactions.execute(status -> store(plan, file));
    } catch (DataIntegrityViolationException | ConcurrencyFailureException e) {
      // Nodes started together with the same file race to insert the same rows; the loser's
      // second attempt finds the winner's rows and updates them instead.
      log.debug("Applying the import file collided with another writer; trying once more", e);
      return transactions.execute(status -> store(plan, file));
    }
  }

  /**
   * The catalog and the registry check each entry as they store it. A refusal marks the transaction
   * for rollback; the remaining entries are still checked so that one start-up reports every
   * refusal, and nothing is committed.
   */
  private ImportSummary store(ImportPlan plan, Path file) {
    List<ImportProblem> problems = new ArrayList<>();
    for (PlannedAttribute attribute : plan.attributes()) {
      try {
        catalog.define(attribute.attribute());
      } catch (InvalidAttributeException e) {
        problems.add(attribute.problem(plan.file(), e));
      }
    }
    for (PlannedApplication application : plan.applications()) {
      try {
        registry.register(application.definition(), ApplicationRegistry.ORIGIN_IMPORT, ACTOR);
      } catch (InvalidApplicationException e) {
        problems.add(application.problem(plan.file(), e));
      }
    }
    if (plan.profiling() != null) {
      try {
        plans.replace(plan.profiling().plan());
      } catch (InvalidPlanException e) {
        problems.addAll(plan.profiling().problems(plan.file(), e));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidImportFileException(plan.file(), problems);
    }
    ImportSummary summary =
        new ImportSummary(
            plan.applications().size(),
            plan.attributes().size(),
            plan.profiling() == null ? null : plan.profiling().plan().questions().size());
    audit.record(
        AuditEventType.IMPORT_APPLIED,
        ACTOR,
        null,
        null,
        summary.describe(file.getFileName().toString()));
    return summary;
  }

  /**
   * What an applied file declared.
   *
   * @param questions the questions of its profiling plan; null when it has no profiling section
   */
  record ImportSummary(int applications, int attributes, Integer questions) {

    ImportSummary(int applications, int attributes) {
      this(applications, attributes, null);
    }

    String describe(String fileName) {
      return "import file %s: %s".formatted(fileName, counts());
    }

    /** {@code 2 applications, 1 attributes}, and the plan's questions when there is a plan. */
    String counts() {
      String counts = "%d applications, %d attributes".formatted(applications, attributes);
      return questions == null
          ? counts
          : counts + ", a profiling plan of " + questions + " questions";
    }
  }
}
