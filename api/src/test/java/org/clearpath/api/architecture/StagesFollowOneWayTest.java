package org.clearpath.api.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.clearpath.domain.stage.StageHistory;
import org.junit.jupiter.api.Test;

/**
 * A case's stage follows its writes by one mechanism ({@code StagesFollowStanding}); the daily
 * stage job is the only other caller. No controller, service or job brings a stage up by hand.
 */
class StagesFollowOneWayTest {
  private final JavaClasses app =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          // persistence's test classes come on this classpath as its tests jar
          .withImportOption(location -> !location.contains("-tests.jar"))
          .importPackages("org.clearpath.api", "org.clearpath.persistence");

  private static final DescribedPredicate<JavaCall<?>> BRINGS_STAGES_UP =
      DescribedPredicate.describe(
          "bring stages up to date",
          call ->
              call.getTargetOwner().isAssignableTo(StageHistory.class)
                  && call.getName().startsWith("recordStage"));

  @Test
  void only_the_follower_and_the_daily_job_bring_stages_up_to_date() {
    noClasses()
        .that()
        // with their nested classes and what Micronaut generates for them ($Name$Definition...)
        .haveNameNotMatching(
            "org\\.clearpath\\.(api\\.stage\\.\\$?(StagesFollowStanding|StageJob)"
                + "|persistence\\.stage\\.\\$?JdbcStageHistory)(\\$.*)?")
        .should()
        .callMethodWhere(BRINGS_STAGES_UP)
        .because(
            "stores tell StandingChanges, and the stage follows before the commit: a call each"
                + " write path must remember is one the next write path forgets")
        .check(app);
  }

  @Test
  void the_check_sees_the_classes_it_rules_over() {
    assertThat(app.contain("org.clearpath.api.stage.StagesFollowStanding")).isTrue();
    assertThat(app.contain("org.clearpath.persistence.debt.JdbcDebts")).isTrue();
  }
}
