package io.rapport.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Decides whether a new password is acceptable: long enough, not too long to hash, and not a common
 * or breached password (see {@code identity/common-passwords.README.md}).
 */
@Component
public final class PasswordPolicy {

  private static final String LIST = "identity/common-passwords.txt";

  private final int minLength;
  private final int maxLength;
  private final Set<String> commonPasswords;

  public PasswordPolicy(IdentityProperties properties) {
    this.minLength = properties.password().minLength();
    this.maxLength = properties.password().maxLength();
    this.commonPasswords = loadList();
  }

  /** Why the password is refused, as a message key with its argument, or empty if it is fine. */
  public Optional<Violation> check(String password) {
    int length = password == null ? 0 : password.codePointCount(0, password.length());
    if (length < minLength) {
      return Optional.of(new Violation("password.tooShort", minLength));
    }
    if (length > maxLength) {
      return Optional.of(new Violation("password.tooLong", maxLength));
    }
    if (isCommon(password)) {
      return Optional.of(new Violation("password.common", 0));
    }
    return Optional.empty();
  }

  public int minLength() {
    return minLength;
  }

  public int maxLength() {
    return maxLength;
  }

  /**
   * Common means: on the list; on the list once digits and symbols around it are removed ({@code
   * Password2024!}); or one short piece repeated ({@code abcabcabcabc}).
   */
  private boolean isCommon(String password) {
    String lower = password.toLowerCase(Locale.ROOT);
    if (commonPasswords.contains(lower)) {
      return true;
    }
    String core = lower.replaceAll("^[^\\p{L}]+", "").replaceAll("[^\\p{L}]+$", "");
    if (!core.isEmpty() && commonPasswords.contains(core)) {
      return true;
    }
    return isRepetition(lower);
  }

  private static boolean isRepetition(String text) {
    for (int size = 1; size <= text.length() / 3; size++) {
      if (text.length() % size == 0
          && text.substring(0, size).repeat(text.length() / size).equals(text)) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> loadList() {
    Set<String> passwords = new HashSet<>(65_536);
    ClassPathResource resource = new ClassPathResource(LIST);
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
      reader.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(passwords::add);
    } catch (IOException e) {
      throw new UncheckedIOException("The bundled list " + LIST + " cannot be read", e);
    }
    return Set.copyOf(passwords);
  }

  /**
   * A refused password: the message key to show and its one numeric argument.
   *
   * @param messageKey key in {@code messages.properties}
   * @param limit the length limit the message names, when there is one
   */
  public record Violation(String messageKey, int limit) {}
}
