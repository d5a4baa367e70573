package org.clearpath.api.harassment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.yaml.YamlPropertySourceLoader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import org.clearpath.api.testing.ApiTestSupport;
import org.clearpath.domain.debt.LenderKind;
import org.clearpath.domain.harassment.Rule;
import org.clearpath.domain.harassment.RulePack;
import org.clearpath.domain.harassment.RulePacks;
import org.junit.jupiter.api.Test;

/** An office's packs in its YAML configuration, read by Micronaut as the running app reads them. */
class OfficePacksTest {

  private static String yaml() throws IOException {
    try (var in = OfficePacksTest.class.getResourceAsStream("/office-packs.yml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static ApplicationContext start(String yaml) throws IOException {
    var props = new HashMap<String, Object>(ApiTestSupport.properties());
    props.put("micronaut.server.port", -1);
    var office =
        new YamlPropertySourceLoader()
            .read("office-packs", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    return ApplicationContext.builder()
        .deduceEnvironment(false)
        .environments("test")
        .properties(props)
        .propertySources(PropertySource.of("office-packs", office, 1000))
        .start();
  }

  @Test
  void the_offices_packs_join_the_shipped_ones_and_a_new_version_ends_the_old_one()
      throws Exception {
    try (var context = start(yaml())) {
      var packs = context.getBean(RulePacks.class);
      var cba = packs.packs().stream().filter(p -> p.id().equals("CN-CBA-2026")).toList();
      assertThat(cba).extracting(RulePack::version).containsExactly(1, 2);
      assertThat(cba.getFirst().effectiveUntil()).isEqualTo(LocalDate.of(2026, 5, 31));
      // YAML reads the unquoted 21:30 as a number and 2026-06-01 as a timestamp: both are kept
      assertThat(cba.get(1).effectiveFrom()).isEqualTo(LocalDate.of(2026, 6, 1));
      var quiet = (Rule.QuietHours) cba.get(1).rules().getFirst().rule();
      assertThat(quiet.start()).isEqualTo(LocalTime.of(21, 30));
      assertThat(cba.get(1).rules().get(1).citation().article()).isEqualTo("第十二条");
      assertThat(cba.get(1).rules().get(1).citation().checked()).isTrue();
      assertThat(packs.governing().get("CN").of(LenderKind.ONLINE_PLATFORM))
          .containsExactly("CN-NIFA-2024");
      assertThat(packs.governing().get("HK").otherwise()).containsExactly("HK-PDPO");
      assertThat(packs.inForce("HK", LocalDate.of(2026, 12, 1)))
          .extracting(RulePack::id)
          .containsExactly("HK-PDPO");
    }
  }

  @Test
  void an_invalid_pack_stops_the_app_at_start_naming_the_pack_and_the_field() {
    assertThatThrownBy(() -> start(yaml().replace("max-per-day: 5", "max-per-day: many")).close())
        .hasStackTraceContaining("rule pack CN-CBA-2026 v2: rules[1].max-per-day");
    assertThatThrownBy(() -> start(yaml().replace("[HK-PDPO]", "[HK-NONE]")).close())
        .hasStackTraceContaining("rule pack HK-NONE: id");
  }

  @Test
  void the_readmes_example_is_a_valid_configuration() throws Exception {
    var readme = java.nio.file.Files.readString(java.nio.file.Path.of("..", "README.md"));
    var section = readme.substring(readme.indexOf("### Rule packs of your own"));
    var yaml =
        section.substring(
            section.indexOf("```yaml") + 7, section.indexOf("```", section.indexOf("```yaml") + 7));
    try (var context = start(yaml)) {
      var packs = context.getBean(RulePacks.class);
      assertThat(packs.inForce("CN", LenderKind.BANK_CARD, LocalDate.of(2027, 1, 1)))
          .extracting(RulePack::label)
          .containsExactly("CN-CBA-2026 v2");
      assertThat(packs.inForce("CN", LenderKind.BANK_CARD, LocalDate.of(2026, 12, 31)))
          .extracting(RulePack::label)
          .containsExactly("CN-CBA-2026 v1");
    }
  }
}
