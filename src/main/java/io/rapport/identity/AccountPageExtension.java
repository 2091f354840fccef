package io.rapport.identity;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A section that another feature adds to the user's own page ({@code /account}), so that the page
 * need not know it: enrichment shows there whether the user is looked up, with the button to object
 * or agree. Implementations are Spring beans; each handles the forms its section posts itself.
 */
public interface AccountPageExtension {

  /**
   * The section to show; empty to add nothing.
   *
   * @param userId the signed-in user
   * @param locale the page's language
   */
  Optional<Section> section(String userId, Locale locale);

  /**
   * A Thymeleaf fragment and what it reads: the page includes {@code template :: selector} and the
   * fragment finds its variables in {@code ${section.variables}}.
   */
  record Section(String template, String selector, Map<String, Object> variables) {

    public Section {
      variables = Map.copyOf(variables);
    }
  }
}
