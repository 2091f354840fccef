package io.rapport.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class VariableExpanderTest {

  private final VariableExpander expander =
      new VariableExpander(Map.of("HOST", "app.example", "EMPTY", "", "ODD", "a${b}c")::get);

  @Test
  void referenceIsReplacedByTheVariable() {
    assertThat(expander.expand("https://${HOST}/callback"))
        .isEqualTo("https://app.example/callback");
  }

  @Test
  void defaultIsUsedWhenTheVariableIsUnsetOrEmpty() {
    assertThat(expander.expand("${UNSET:-one}|${EMPTY:-two}|${HOST:-three}|${UNSET:-}"))
        .isEqualTo("one|two|app.example|");
  }

  @Test
  void variableSetToNothingWithoutDefaultIsEmpty() {
    assertThat(expander.expand("[${EMPTY}]")).isEqualTo("[]");
  }

  @Test
  void doubledDollarKeepsALiteralReference() {
    assertThat(expander.expand("$${HOST} costs $5 and $$ stays"))
        .isEqualTo("${HOST} costs $5 and $$ stays");
  }

  @Test
  void valuesAreNotExpandedAgain() {
    assertThat(expander.expand("${ODD}")).isEqualTo("a${b}c");
  }

  @Test
  void unsetVariableWithoutDefaultIsRefusedByName() {
    assertThatThrownBy(() -> expander.expand("x${UNSET}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "environment variable UNSET is not set; set it, or give a default with"
                + " ${UNSET:-default}");
  }

  @Test
  void malformedReferencesAreRefused() {
    assertThatThrownBy(() -> expander.expand("${HOST"))
        .hasMessage("'${' without a closing '}'; write $${ for a literal ${");
    assertThatThrownBy(() -> expander.expand("${1HOST}"))
        .hasMessageStartingWith("'${1HOST}' is not a variable reference");
    assertThatThrownBy(() -> expander.expand("${}")).hasMessageStartingWith("'${}' is not a");
  }

  @Test
  void springEnvironmentSuppliesVariablesFromAnyPropertySourceAsWritten() {
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "test", Map.of("OPS_TOOL_SECRET", "from-a-property", "RAW", "${OPS_TOOL_SECRET}")));
    VariableExpander fromEnvironment = VariableExpander.of(environment);

    assertThat(fromEnvironment.expand("${OPS_TOOL_SECRET}")).isEqualTo("from-a-property");
    assertThat(fromEnvironment.expand("${RAW}")).isEqualTo("${OPS_TOOL_SECRET}");
    assertThat(fromEnvironment.expand("${PATH}")).isEqualTo(System.getenv("PATH"));
  }
}
