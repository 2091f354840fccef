package io.rapport.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AttributeTest {

  private static final Attribute ROLE =
      new Attribute(
          "job_role",
          ValueType.TEXT,
          Sensitivity.PERSONAL,
          Map.of("en", "Job role", "de", "Tätigkeitsbereich", "pt-BR", "Função"),
          true);

  @Test
  void labelIsInTheLocalesLanguage() {
    assertThat(ROLE.label(Locale.GERMANY)).isEqualTo("Tätigkeitsbereich");
    assertThat(ROLE.label(Locale.GERMAN)).isEqualTo("Tätigkeitsbereich");
  }

  @Test
  void labelPrefersTheExactLanguageTag() {
    assertThat(ROLE.label(Locale.forLanguageTag("pt-BR"))).isEqualTo("Função");
  }

  @Test
  void labelFallsBackToEnglish() {
    assertThat(ROLE.label(Locale.JAPANESE)).isEqualTo("Job role");
  }

  @Test
  void labelFallsBackToTheKeyWithoutAnEnglishLabel() {
    Attribute unlabelled =
        new Attribute("shoe_size", ValueType.NUMBER, Sensitivity.PERSONAL, Map.of(), false);

    assertThat(unlabelled.label(Locale.FRENCH)).isEqualTo("shoe_size");
  }

  @Test
  void labelsAreACopyThatCannotChange() {
    Map<String, String> labels = new HashMap<>(Map.of("en", "Team"));
    Attribute team = new Attribute("team", ValueType.TEXT, Sensitivity.PUBLIC, labels, false);

    labels.put("de", "Team");

    assertThat(team.labels()).containsOnlyKeys("en");
    assertThatThrownBy(() -> team.labels().put("fr", "Équipe"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
