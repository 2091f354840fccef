package io.rapport.setup;

import io.rapport.enrichment.ConsentPolicyStore;
import io.rapport.enrichment.ProviderSettings;
import io.rapport.enrichment.ProviderStore;
import io.rapport.enrichment.ProviderType;
import io.rapport.enrichment.Providers;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies an import file: attributes first, so that applications may claim attributes and the plan
 * may ask for attributes the same file defines, then applications, then the profiling plan, then
 * the enrichment providers, all in one transaction. Applying the same file again changes nothing;
 * what the file no longer declares is left as it is, except the plan, which a {@code profiling}
 * section replaces whole, and the providers, which an {@code enrichment.providers} section replaces
 * whole.
 */
@Component
final class ImportFileApplier {

  static final String ACTOR = "import";

  /** The origin of providers the file declares, as the console shows it. */
  static final String ORIGIN = "import";

  private static final Logger log = LoggerFactory.getLogger(ImportFileApplier.class);

  private final ImportFileReader reader;
  private final ApplicationRegistry registry;
  private final AttributeCatalog catalog;
  private final PlanStore plans;
  private final ProviderStore providerStore;
  private final ConsentPolicyStore consentPolicies;
  private final AuditLog audit;
  private final TransactionTemplate transactions;

  @Autowired
  ImportFileApplier(
      ConfigurableEnvironment environment,
      ApplicationRegistry registry,
      AttributeCatalog catalog,
      PlanStore plans,
      Providers providers,
      ProviderStore providerStore,
      ConsentPolicyStore consentPolicies,
      AuditLog audit,
      PlatformTransactionManager transactionManager) {
    this(
        environment,
        registry,
        catalog,
        plans,
        providers.types(),
        providerStore,
        consentPolicies,
        audit,
        transactionManager);
  }

  /**
   * @param providerTypes the provider types {@code enrichment.providers} may name; tests add their
   *     own stand-ins for paid providers here
   */
  ImportFileApplier(
      ConfigurableEnvironment environment,
      ApplicationRegistry registry,
      AttributeCatalog catalog,
      PlanStore plans,
      List<ProviderType> providerTypes,
      ProviderStore providerStore,
      ConsentPolicyStore consentPolicies,
      AuditLog audit,
      PlatformTransactionManager transactionManager) {
    this.consentPolicies = consentPolicies;
    this.reader = new ImportFileReader(VariableExpander.of(environment), providerTypes);
    this.registry = registry;
    this.catalog = catalog;
    this.plans = plans;
    this.providerStore = providerStore;
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
    if (plan.providers() != null) {
      storeProviders(plan.providers());
    }
    // Always: a key the file leaves out hands its setting back to the node's property.
    consentPolicies.declare(plan.consent().basis(), plan.consent().excludedRegions());
    ImportSummary summary =
        new ImportSummary(
            plan.applications().size(),
            plan.attributes().size(),
            plan.profiling() == null ? null : plan.profiling().plan().questions().size(),
            plan.providers() == null ? null : plan.providers().providerIds());
    audit.record(
        AuditEventType.IMPORT_APPLIED,
        ACTOR,
        null,
        null,
        summary.describe(file.getFileName().toString()));
    return summary;
  }

  /**
   * The file's providers replace the stored ones; the reader checked them, so nothing here refuses.
   * A provider disabled for a refused key stays disabled while the file gives the same key.
   */
  private void storeProviders(PlannedProviders providers) {
    for (ProviderSettings settings : providers.providers()) {
      providerStore
          .declare(settings, ORIGIN)
          .ifPresent(
              reason ->
                  log.warn(
                      "RAPPORT-IMPORT-002 Enrichment provider '{}' stays disabled: its service"
                          + " refused its API key ({}); give it another key to enable it",
                      settings.id(),
                      reason));
    }
    providerStore.retainOnly(providers.providerIds());
  }

  /**
   * What an applied file declared.
   *
   * @param questions the questions of its profiling plan; null when it has no profiling section
   * @param providers the ids of its enrichment providers in waterfall order; null when it has no
   *     {@code enrichment.providers}
   */
  record ImportSummary(
      int applications, int attributes, Integer questions, List<String> providers) {

    ImportSummary(int applications, int attributes) {
      this(applications, attributes, null, null);
    }

    ImportSummary(int applications, int attributes, Integer questions) {
      this(applications, attributes, questions, null);
    }

    String describe(String fileName) {
      return "import file %s: %s".formatted(fileName, counts());
    }

    /**
     * {@code 2 applications, 1 attributes}, the plan's questions when there is a plan, and the
     * enrichment providers in order when the file lists them.
     */
    String counts() {
      String counts = "%d applications, %d attributes".formatted(applications, attributes);
      if (questions != null) {
        counts += ", a profiling plan of " + questions + " questions";
      }
      if (providers != null) {
        counts += ", enrichment providers [" + String.join(", ", providers) + "]";
      }
      return counts;
    }
  }
}
