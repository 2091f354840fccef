package io.rapport.enrichment;

import io.rapport.identity.UserAccount;
import io.rapport.profile.Profile;
import io.rapport.profile.ProfileService;
import io.rapport.profile.ProfileValue;
import io.rapport.profile.Source;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Where a user probably is, known before any lookup, so that the excluded regions can be kept
 * without asking a provider: the {@code country} a person or the import gave (not one enrichment
 * found, which would need the lookup), else the country-code domain of the address ({@code .de},
 * {@code .co.uk}), else the region of the language the user signed up in ({@code de-AT}). A best
 * guess: there is no GeoIP, and a {@code .com} address in English says nothing.
 */
@Component
final class UserRegion {

  static final String COUNTRY = "country";

  private final ProfileService profiles;
  private final ConsentRecords records;

  UserRegion(ProfileService profiles, ConsentRecords records) {
    this.profiles = profiles;
    this.records = records;
  }

  /** The user's country as an ISO 3166-1 alpha-2 code; empty when nothing tells. */
  Optional<String> of(UserAccount account) {
    return declaredCountry(profiles.profileOf(account.id()))
        .or(() -> countryOfDomain(account.email()))
        .or(() -> records.signupRegion(account.id()));
  }

  private static Optional<String> declaredCountry(Profile profile) {
    ProfileValue value = profile.values().get(COUNTRY);
    if (value == null || value.effective().source().id().startsWith(Source.ENRICHMENT_PREFIX)) {
      return Optional.empty();
    }
    return Optional.of(value.value().toUpperCase(Locale.ROOT)).filter(Regions::isCountry);
  }

  /** The top-level domain when it is a country's; {@code .uk} is the United Kingdom's, GB. */
  static Optional<String> countryOfDomain(String email) {
    String domain = email.substring(email.lastIndexOf('@') + 1);
    String tld = domain.substring(domain.lastIndexOf('.') + 1).toUpperCase(Locale.ROOT);
    String country = tld.equals("UK") ? "GB" : tld;
    return Optional.of(country).filter(code -> code.length() == 2 && Regions.isCountry(code));
  }

  /** The region of a language tag ({@code de-AT} gives AT; {@code de} gives none). */
  static String ofLocale(Locale locale) {
    String region = locale == null ? "" : locale.getCountry();
    return Regions.isCountry(region) ? region : null;
  }
}
