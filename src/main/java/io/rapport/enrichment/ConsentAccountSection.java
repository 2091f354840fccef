package io.rapport.enrichment;

import io.rapport.identity.AccountPageExtension;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The account page's enrichment section: whether the user is looked up, and the button to object
 * ("Do not look me up") or to withdraw consent, and back. The page says what objecting deletes.
 */
@Controller
final class ConsentAccountSection implements AccountPageExtension {

  static final String OBJECT = "/account/enrichment/object";
  static final String AGREE = "/account/enrichment/agree";

  private final ConsentChoices choices;

  ConsentAccountSection(ConsentChoices choices) {
    this.choices = choices;
  }

  @Override
  public Optional<Section> section(String userId, Locale locale) {
    ConsentChoices.State state = choices.state(userId);
    return Optional.of(
        new Section(
            "enrichment/consent",
            "account-enrichment",
            Map.of(
                "consentBasis",
                state.basis() == EnrichmentBasis.CONSENT,
                "lookedUp",
                state.lookedUp())));
  }

  @PostMapping(OBJECT)
  String object(Authentication user) {
    choices.object(user.getName());
    return "redirect:/account?enrichment=objected";
  }

  @PostMapping(AGREE)
  String agree(Authentication user) {
    choices.agree(user.getName());
    return "redirect:/account?enrichment=agreed";
  }
}
