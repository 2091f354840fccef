package io.rapport.identity;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;
import java.util.Optional;

/** Normalises and checks email addresses as users type them. */
public final class EmailAddress {

  /** RFC 5321 limits a path to 256 octets; 320 is the sum of the part limits, kept as a cap. */
  private static final int MAX_LENGTH = 320;

  private EmailAddress() {}

  /** The address trimmed and lower-cased, or empty when it is not a plausible address. */
  public static Optional<String> normalise(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String candidate = raw.trim().toLowerCase(Locale.ROOT);
    if (candidate.isEmpty() || candidate.length() > MAX_LENGTH || !isPlausible(candidate)) {
      return Optional.empty();
    }
    return Optional.of(candidate);
  }

  private static boolean isPlausible(String candidate) {
    int at = candidate.lastIndexOf('@');
    if (at <= 0 || at == candidate.length() - 1 || candidate.indexOf(' ') >= 0) {
      return false;
    }
    try {
      new InternetAddress(candidate, true).validate();
      return candidate.equals(new InternetAddress(candidate, true).getAddress());
    } catch (AddressException e) {
      return false;
    }
  }
}
