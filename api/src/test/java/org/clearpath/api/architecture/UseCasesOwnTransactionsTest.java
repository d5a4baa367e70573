package org.clearpath.api.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.micronaut.http.annotation.Controller;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import org.junit.jupiter.api.Test;

/**
 * A use case owns its transaction ({@link org.clearpath.domain.shared.Transactions}, or the api's
 * service for it): no controller opens one. (A controller may hold one connection for reads that
 * need no transaction, with {@code @Connectable}.)
 */
class UseCasesOwnTransactionsTest {
  private final JavaClasses app =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.clearpath.api");

  @Test
  void no_controller_opens_a_transaction() {
    noMethods()
        .that()
        .areDeclaredInClassesThat()
        .areAnnotatedWith(Controller.class)
        .and()
        .areDeclaredInClassesThat()
        .haveSimpleNameNotStartingWith("$")
        .should()
        .beAnnotatedWith(Transactional.class)
        .orShould()
        .beAnnotatedWith(ReadOnly.class)
        .because("the use case decides what is one unit of work, not the HTTP route to it")
        .check(app);
  }

  @Test
  void the_check_sees_the_controllers_it_rules_over() {
    assertThat(app.contain("org.clearpath.api.plan.PlanController")).isTrue();
    assertThat(app.contain("org.clearpath.api.stage.LegalMilestoneController")).isTrue();
  }
}
