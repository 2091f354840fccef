package io.rapport.enrichment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * Tells free-mail, disposable, academic and company domains apart, and role addresses from personal
 * ones, from the lists bundled under {@code src/main/resources/enrichment} (their origin and
 * licence are in the README beside them). Loaded once; about 40,000 domains.
 */
@Component
public final class EmailDomains {

  private static final String FOLDER = "/enrichment/";

  private final Set<String> freeMail = lines("free-mail-domains.txt");
  private final Set<String> disposable = lines("disposable-domains.txt");
  private final Set<String> academicSuffixes = lines("academic-suffixes.txt");
  private final Set<String> academicExceptions = lines("academic-exceptions.txt");
  private final Set<String> roleLocalParts = lines("role-local-parts.txt");
  private final Map<String, String> institutions = institutions();

  /**
   * Classifies an address. A domain counts as listed when it or a parent domain is ({@code
   * mail.mailinator.com} is disposable, {@code cs.mit.edu} academic).
   *
   * @param email a normalised address, as accounts store it
   */
  public EmailClass classify(String email) {
    int at = email.lastIndexOf('@');
    String local = email.substring(0, at).toLowerCase(Locale.ROOT);
    String domain = email.substring(at + 1).toLowerCase(Locale.ROOT);
    boolean role = roleLocalParts.contains(withoutTag(local));
    if (listed(disposable, domain).isPresent()) {
      return new EmailClass(domain, DomainKind.DISPOSABLE, role, null);
    }
    if (listed(freeMail, domain).isPresent()) {
      return new EmailClass(domain, DomainKind.FREE_MAIL, role, null);
    }
    if (listed(academicExceptions, domain).isEmpty()) {
      Optional<String> institution = listed(institutions.keySet(), domain);
      if (institution.isPresent() || listed(academicSuffixes, domain).isPresent()) {
        return new EmailClass(
            domain,
            DomainKind.ACADEMIC,
            role,
            institution.map(institutions::get).filter(name -> !name.isEmpty()).orElse(null));
      }
    }
    return new EmailClass(domain, DomainKind.COMPANY, role, null);
  }

  /** {@code jane+news} is {@code jane}: the tag after a plus names no role. */
  private static String withoutTag(String local) {
    int plus = local.indexOf('+');
    return plus < 0 ? local : local.substring(0, plus);
  }

  /** The domain or its nearest parent in the list, not counting the top-level label alone. */
  private static Optional<String> listed(Set<String> list, String domain) {
    String candidate = domain;
    while (candidate.indexOf('.') > 0) {
      if (list.contains(candidate)) {
        return Optional.of(candidate);
      }
      candidate = candidate.substring(candidate.indexOf('.') + 1);
    }
    return Optional.empty();
  }

  private static Set<String> lines(String file) {
    Set<String> lines = new HashSet<>();
    read(file, line -> lines.add(line.toLowerCase(Locale.ROOT)));
    return Set.copyOf(lines);
  }

  private static Map<String, String> institutions() {
    Map<String, String> names = new HashMap<>();
    read(
        "academic-domains.tsv",
        line -> {
          // A domain without a name has lost its tab to strip().
          int tab = line.indexOf('\t');
          names.put(
              tab < 0 ? line : line.substring(0, tab), tab < 0 ? "" : line.substring(tab + 1));
        });
    return Map.copyOf(names);
  }

  private static void read(String file, Consumer<String> each) {
    try (InputStream in = EmailDomains.class.getResourceAsStream(FOLDER + file)) {
      if (in == null) {
        throw new IllegalStateException("The list " + FOLDER + file + " is missing");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      reader.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(each);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
