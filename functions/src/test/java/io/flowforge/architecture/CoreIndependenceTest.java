package io.flowforge.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The core engines must run anywhere (Lambda, the local stack, the CLI, a test) so they may not depend on
 * AWS. Only the edge packages (adapters, api handlers, local stack, wiring) talk to AWS SDKs.
 */
class CoreIndependenceTest {
  private static final String[] EDGE_PACKAGES = {
    "io.flowforge.adapters..", "io.flowforge.api..", "io.flowforge.local..", "io.flowforge.wiring.."
  };

  @Test
  void coreEnginesImportNothingFromAws() {
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.flowforge");
    // An empty import would pass any rule vacuously; the core must actually have been scanned.
    assertTrue(
        classes.size() > 100,
        "expected the whole io.flowforge code base on the class path, found " + classes.size());

    noClasses()
        .that()
        .resideOutsideOfPackages(EDGE_PACKAGES)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("software.amazon..", "com.amazonaws..", "com.amazon..")
        .because("core engines must stay free of AWS so one code path serves Lambda and local")
        .check(classes);
  }
}
