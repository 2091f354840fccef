package io.rapport;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures;

/**
 * Which features may use which. {@code platform} is shared plumbing and uses no feature; {@code
 * profile} stands on platform only; {@code identity} uses profile for token claims; progressive
 * profiling ({@code profiling}) plugs into identity's login pipeline and sign-up form, which know
 * nothing of it; enrichment ({@code enrichment}) acts on identity's account events and writes to
 * the profile, and profiling and enrichment know nothing of each other; the console ({@code
 * admin}), the management API ({@code api}) and the import file ({@code setup}) sit on top and use
 * no one another.
 */
@AnalyzeClasses(packages = "io.rapport", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule featuresDependOnlyDownwards =
      Architectures.layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer("platform")
          .definedBy("io.rapport.platform..")
          .layer("profile")
          .definedBy("io.rapport.profile..")
          .layer("identity")
          .definedBy("io.rapport.identity..")
          .layer("profiling")
          .definedBy("io.rapport.profiling..")
          .layer("enrichment")
          .definedBy("io.rapport.enrichment..")
          .layer("admin")
          .definedBy("io.rapport.admin..")
          .layer("api")
          .definedBy("io.rapport.api..")
          .layer("setup")
          .definedBy("io.rapport.setup..")
          .whereLayer("admin")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("api")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("setup")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("profiling")
          .mayOnlyBeAccessedByLayers("admin", "api", "setup")
          .whereLayer("enrichment")
          .mayOnlyBeAccessedByLayers("admin", "api", "setup")
          .whereLayer("identity")
          .mayOnlyBeAccessedByLayers("profiling", "enrichment", "admin", "api", "setup")
          .whereLayer("profile")
          .mayOnlyBeAccessedByLayers("identity", "profiling", "enrichment", "admin", "api", "setup")
          .whereLayer("platform")
          .mayOnlyBeAccessedByLayers(
              "profile", "identity", "profiling", "enrichment", "admin", "api", "setup");

  @ArchTest
  static final ArchRule featuresHaveNoCycles =
      slices().matching("io.rapport.(*)..").should().beFreeOfCycles();
}
