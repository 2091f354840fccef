package io.rapport.identity;

import io.rapport.profile.Profile;
import io.rapport.profile.ProfileService;
import io.rapport.profile.ProfileValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The user claims of ID tokens and userinfo, built the same way for both: the standard claims
 * Rapport knows, as the granted scopes allow (OIDC Core, section 5.4), and the profile attributes
 * the application is configured to receive.
 */
@Component
final class ClaimsAssembler {

  static final String EMAIL_SCOPE = "email";
  static final String PROFILE_SCOPE = "profile";
  static final List<String> PROFILE_CLAIMS = List.of("name", "given_name", "family_name", "locale");

  private final UserAccounts accounts;
  private final ProfileService profiles;
  private final ApplicationRegistry applications;

  ClaimsAssembler(
      UserAccounts accounts, ProfileService profiles, ApplicationRegistry applications) {
    this.accounts = accounts;
    this.profiles = profiles;
    this.applications = applications;
  }

  Map<String, Object> claimsFor(String userId, String clientId, Set<String> scopes) {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("sub", userId);
    UserAccount account = accounts.findById(userId).orElse(null);
    if (account == null) {
      return claims;
    }
    if (scopes.contains(EMAIL_SCOPE)) {
      claims.put("email", account.email());
      claims.put("email_verified", account.emailVerified());
    }
    Profile profile = profiles.profileOf(userId);
    if (scopes.contains(PROFILE_SCOPE)) {
      PROFILE_CLAIMS.forEach(key -> putIfKnown(claims, profile, key));
    }
    applications.claimsOf(clientId).forEach(key -> putIfKnown(claims, profile, key));
    return claims;
  }

  private static void putIfKnown(Map<String, Object> claims, Profile profile, String key) {
    ProfileValue value = profile.values().get(key);
    if (value != null) {
      claims.put(key, value.typedValue());
    }
  }
}
