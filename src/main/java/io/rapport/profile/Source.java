package io.rapport.profile;

import java.util.regex.Pattern;

/**
 * Where an observation came from, kept as text in the {@code source} column.
 *
 * <p>The forms are {@code user} (the user's own answer), {@code admin} (an administrator's entry),
 * {@code import} (a bulk import), {@code action:<name>} (a company-written action) and {@code
 * enrichment:<provider>} (a third-party or public data source).
 *
 * @param id the stored form
 */
public record Source(String id) {

  public static final Source USER = new Source("user");
  public static final Source ADMIN = new Source("admin");
  public static final Source IMPORT = new Source("import");

  private static final String ACTION_PREFIX = "action:";

  /** What the source of every enrichment provider's observations starts with. */
  public static final String ENRICHMENT_PREFIX = "enrichment:";

  /** The width of the {@code source} column. */
  private static final int MAX_LENGTH = 100;

  private static final Pattern PROVIDER = Pattern.compile("[a-z0-9][a-z0-9._-]*");
  private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

  private static final String FORMS =
      "expected user, admin, import, action:<name> or enrichment:<provider>";

  public Source {
    if (id == null || id.isEmpty()) {
      throw new IllegalArgumentException("Source is empty; " + FORMS);
    }
    if (id.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "Source is longer than " + MAX_LENGTH + " characters; " + FORMS);
    }
    checkForm(id);
  }

  /** The source for observations made by the named action. */
  public static Source action(String name) {
    return new Source(ACTION_PREFIX + name);
  }

  /** The source for observations found by the named enrichment provider. */
  public static Source enrichment(String provider) {
    return new Source(ENRICHMENT_PREFIX + provider);
  }

  /** Whether a person stated the value (the user or an administrator) rather than a program. */
  public boolean declared() {
    return id.equals("user") || id.equals("admin");
  }

  private static void checkForm(String id) {
    if (id.startsWith(ACTION_PREFIX)) {
      checkActionName(id.substring(ACTION_PREFIX.length()));
    } else if (id.startsWith(ENRICHMENT_PREFIX)) {
      checkProvider(id.substring(ENRICHMENT_PREFIX.length()));
    } else if (!id.equals("user") && !id.equals("admin") && !id.equals("import")) {
      throw new IllegalArgumentException("Unknown source '" + id + "'; " + FORMS);
    }
  }

  private static void checkActionName(String name) {
    // Action names are chosen by people and may contain spaces, but not at the ends.
    if (name.isBlank() || !name.strip().equals(name) || CONTROL.matcher(name).find()) {
      throw new IllegalArgumentException(
          "Source 'action:' must be followed by the action's name, without control characters"
              + " or surrounding spaces");
    }
  }

  private static void checkProvider(String provider) {
    if (!PROVIDER.matcher(provider).matches()) {
      throw new IllegalArgumentException(
          "Source 'enrichment:' must be followed by a provider id of lower-case letters, digits,"
              + " '.', '_' or '-'");
    }
  }
}
