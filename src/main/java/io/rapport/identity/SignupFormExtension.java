package io.rapport.identity;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Fields that another feature adds to the sign-up form, so that identity need not know it:
 * progressive profiling asks the questions due at the sign-up moment here. Implementations are
 * Spring beans; the form shows each one's section, checks what was sent with each before an account
 * exists, and has each store it in the sign-up's own transaction.
 */
public interface SignupFormExtension {

  /**
   * The fields to show inside the form; empty to add nothing.
   *
   * @param submitted what {@link #check} returned for a refused form, to show again with its
   *     errors; null on the first showing
   */
  Optional<Section> section(SignupRequest request, Checked submitted);

  /** Checks what the form sent, before any account exists. */
  Checked check(SignupRequest request, Map<String, List<String>> parameters);

  /**
   * Stores what was checked for the account just created, inside the sign-up's transaction: an
   * exception undoes the whole sign-up, so that a refused field leaves no account behind.
   */
  void store(String userId, Checked checked);

  /**
   * What the fields are asked in.
   *
   * @param locale the page's language
   * @param clientId the application whose authorization request led to sign-up; null if none
   */
  record SignupRequest(Locale locale, String clientId) {}

  /**
   * A Thymeleaf fragment and what it reads: the page includes {@code template :: selector} and the
   * fragment finds its variables in {@code ${section.variables}}.
   */
  record Section(String template, String selector, Map<String, Object> variables) {

    public Section {
      variables = Map.copyOf(variables);
    }
  }

  /** An extension's verdict on what the form sent; only the extension reads more of it. */
  interface Checked {

    /** Whether the account may be created with it. */
    boolean acceptable();
  }
}
