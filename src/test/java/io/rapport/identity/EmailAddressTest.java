package io.rapport.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

  @Test
  void addressIsTrimmedAndLowerCased() {
    assertThat(EmailAddress.normalise("  Jane@Example.COM ")).contains("jane@example.com");
    assertThat(EmailAddress.normalise("\tJANE.DOE+news@Mail.Example.org\n"))
        .contains("jane.doe+news@mail.example.org");
    assertThat(EmailAddress.normalise("jane@example.com")).contains("jane@example.com");
  }

  @Test
  void lowerCasingDoesNotDependOnTheDefaultLocale() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr"));
      assertThat(EmailAddress.normalise("INFO@EXAMPLE.COM")).contains("info@example.com");
    } finally {
      Locale.setDefault(before);
    }
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "   ",
        "jane",
        "@example.com",
        "jane@",
        "jane@@example.com",
        "ja ne@example.com",
        "Jane <jane@example.com>",
        "jane@example.com, john@example.com",
        "jane@exa mple.com",
        "jane@[not an address"
      })
  void implausibleAddressIsRefused(String raw) {
    assertThat(EmailAddress.normalise(raw)).isEmpty();
  }

  @Test
  void addressLongerThan320CharactersIsRefused() {
    String longest = "a".repeat(64) + "@" + "b".repeat(251) + ".com";
    assertThat(longest).hasSize(320);

    assertThat(EmailAddress.normalise("x" + longest)).isEmpty();
  }
}
