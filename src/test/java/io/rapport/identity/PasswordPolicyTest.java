package io.rapport.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

  private static final PasswordPolicy POLICY = new PasswordPolicy(IdentitySettings.defaults());

  @Test
  void twelveCharactersAreTheLeast() {
    assertThat(POLICY.check("kq7#vmz2!pwx")).isEmpty();
    assertThat(POLICY.check("kq7#vmz2!pw"))
        .contains(new PasswordPolicy.Violation("password.tooShort", 12));
    assertThat(POLICY.check("")).contains(new PasswordPolicy.Violation("password.tooShort", 12));
    assertThat(POLICY.check(null)).contains(new PasswordPolicy.Violation("password.tooShort", 12));
  }

  @Test
  void moreThan1024CharactersAreRefused() {
    String longest = randomText(1024, 'a', 26);

    assertThat(POLICY.check(longest)).isEmpty();
    assertThat(POLICY.check(longest + "x"))
        .contains(new PasswordPolicy.Violation("password.tooLong", 1024));
  }

  @Test
  void lengthIsCountedInCodePoints() {
    String elevenEmoji = randomText(11, 0x1F600, 64);
    String twelveEmoji = randomText(12, 0x1F600, 64);
    assertThat(elevenEmoji).hasSize(22);

    assertThat(POLICY.check(elevenEmoji))
        .contains(new PasswordPolicy.Violation("password.tooShort", 12));
    assertThat(POLICY.check(twelveEmoji)).isEmpty();
    assertThat(POLICY.check(randomText(1024, 0x1F600, 64))).isEmpty();
    assertThat(POLICY.check(randomText(1025, 0x1F600, 64)))
        .contains(new PasswordPolicy.Violation("password.tooLong", 1024));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "password123456",
        "123456password",
        "Password2024!!",
        "!!Sunshine!!2024",
        "2024-Dragon-2024",
        "LETMEIN!!!!!"
      })
  void commonWordWithDigitsAndSymbolsAroundItIsRefused(String password) {
    assertThat(POLICY.check(password)).contains(new PasswordPolicy.Violation("password.common", 0));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Tr0ub4dor&3xyz!", "Tr0ub4dor&3xyz!2024", "xyzTr0ub4dor&3"})
  void digitsInsideAWordAreNotStrippedAway(String password) {
    assertThat(POLICY.check(password)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"abcabcabcabc", "aaaaaaaaaaaa", "ABabABabABab", "xy1xy1xy1xy1"})
  void onePieceRepeatedIsRefused(String password) {
    assertThat(POLICY.check(password)).contains(new PasswordPolicy.Violation("password.common", 0));
  }

  @Test
  void longPassphraseIsAccepted() {
    assertThat(POLICY.check("correct horse battery staple")).isEmpty();
    assertThat(POLICY.check("Meine Katze schläft gern auf dem Sofa")).isEmpty();
  }

  @Test
  void limitsFollowTheSettings() {
    IdentityProperties.Password strict = new IdentityProperties.Password(16, 64, 7168, 5, 1, 0);
    PasswordPolicy policy = new PasswordPolicy(IdentitySettings.withPassword(strict));

    assertThat(policy.minLength()).isEqualTo(16);
    assertThat(policy.maxLength()).isEqualTo(64);
    assertThat(policy.check("kq7#vmz2!pwxyz5"))
        .contains(new PasswordPolicy.Violation("password.tooShort", 16));
  }

  /** Text of random code points from a range, seeded so that a failure can be repeated. */
  private static String randomText(int codePoints, int first, int range) {
    Random random = new Random(codePoints);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < codePoints; i++) {
      text.appendCodePoint(first + random.nextInt(range));
    }
    return text.toString();
  }
}
