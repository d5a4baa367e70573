package org.clearpath.domain.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class DomainIsFrameworkFreeTest {
  private final com.tngtech.archunit.core.domain.JavaClasses domain =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.clearpath.domain");

  @Test
  void the_domain_does_not_depend_on_any_framework() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.micronaut..",
            "jakarta..",
            "javax.persistence..",
            "org.springframework..",
            "com.fasterxml.jackson..",
            "java.sql..",
            "javax.sql..",
            "org.keycloak..")
        .because("the domain is plain Java; frameworks live in persistence and api")
        .check(domain);
  }

  @Test
  void the_domain_does_not_reach_out_to_the_adapters() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.clearpath.persistence..", "org.clearpath.api..")
        .because("dependencies point inward")
        .check(domain);
  }

  @Test
  void the_feature_packages_do_not_depend_on_each_other_in_circles() {
    com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices()
        .matching("org.clearpath.domain.(*)..")
        .should()
        .beFreeOfCycles()
        .because("a feature that needs another is built on it, never the other way round as well")
        .check(domain);
  }

  @Test
  void the_check_sees_the_domain_classes() {
    org.assertj.core.api.Assertions.assertThat(
            domain.contain("org.clearpath.domain.casefile.CaseFile"))
        .isTrue();
  }
}
