package io.rapport.enrichment;

import io.rapport.identity.SignupFormExtension;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The sign-up form's consent to enrichment. Under the consent basis it shows an unticked checkbox;
 * whatever the basis, it records the sign-up's choice (and the region of the page's language, one
 * of the hints to the user's region) before the sign-up's own trigger asks whether to queue a job.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
final class ConsentSignupField implements SignupFormExtension {

  /** The checkbox's name; ticked, it sends {@value #AGREED}. */
  static final String FIELD = "enrichment-consent";

  static final String AGREED = "yes";

  private final ConsentPolicyStore policies;
  private final ConsentRecords records;

  ConsentSignupField(ConsentPolicyStore policies, ConsentRecords records) {
    this.policies = policies;
    this.records = records;
  }

  @Override
  public Optional<Section> section(SignupRequest request, Checked submitted) {
    if (policies.current().basis() != EnrichmentBasis.CONSENT) {
      return Optional.empty();
    }
    boolean ticked = submitted instanceof Choice choice && choice.agreed();
    return Optional.of(
        new Section("enrichment/consent", "signup-consent", Map.of("ticked", ticked)));
  }

  @Override
  public Checked check(SignupRequest request, Map<String, List<String>> parameters) {
    EnrichmentBasis basis = policies.current().basis();
    boolean ticked = parameters.getOrDefault(FIELD, List.of()).contains(AGREED);
    return new Choice(
        basis, basis == EnrichmentBasis.CONSENT && ticked, UserRegion.ofLocale(request.locale()));
  }

  @Override
  public void store(String userId, Checked checked) {
    Choice choice = (Choice) checked;
    records.record(
        userId,
        choice.agreed() ? ConsentChoice.AGREED : ConsentChoice.NONE,
        choice.basis(),
        ConsentRecords.SIGNUP,
        choice.region());
  }

  /**
   * @param agreed whether the box was shown and ticked
   * @param region the region of the page's language; null when it names none
   */
  private record Choice(EnrichmentBasis basis, boolean agreed, String region) implements Checked {

    @Override
    public boolean acceptable() {
      return true;
    }
  }
}
