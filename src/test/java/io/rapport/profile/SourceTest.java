package io.rapport.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SourceTest {

  @Test
  void constantsHaveTheirStoredIds() {
    assertThat(Source.USER.id()).isEqualTo("user");
    assertThat(Source.ADMIN.id()).isEqualTo("admin");
    assertThat(Source.IMPORT.id()).isEqualTo("import");
  }

  @Test
  void factoriesPrefixTheName() {
    assertThat(Source.action("Add company claim").id()).isEqualTo("action:Add company claim");
    assertThat(Source.enrichment("clearbit").id()).isEqualTo("enrichment:clearbit");
  }

  @Test
  void storedIdsParseBackToEqualSources() {
    assertThat(new Source("user")).isEqualTo(Source.USER);
    assertThat(new Source("enrichment:people-data-labs"))
        .isEqualTo(Source.enrichment("people-data-labs"));
  }

  @Test
  void onlyUserAndAdminAreDeclared() {
    assertThat(Source.USER.declared()).isTrue();
    assertThat(Source.ADMIN.declared()).isTrue();
    assertThat(Source.IMPORT.declared()).isFalse();
    assertThat(Source.action("x").declared()).isFalse();
    assertThat(Source.enrichment("hunter").declared()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "User", "system", "enrichment", "action", "users"})
  void unknownIdsAreRefusedWithTheFormsExpected(String id) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Source(id))
        .withMessageContaining("expected user, admin, import, action:<name>");
  }

  @Test
  void nullIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Source(null))
        .withMessageContaining("Source is empty");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", " padded", "tab\tinside"})
  void actionNeedsAPlainName(String name) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Source.action(name))
        .withMessageContaining("action's name");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Clearbit", "people data labs", "-hunter", "x/y"})
  void enrichmentNeedsAProviderId(String provider) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Source.enrichment(provider))
        .withMessageContaining("provider id");
  }

  @Test
  void idsLongerThanTheColumnAreRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Source.action("a".repeat(100)))
        .withMessageContaining("longer than 100 characters");
  }
}
