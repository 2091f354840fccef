package io.rapport.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Consumer;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Turns a login step's denial into the authorization server's own error response: the authorization
 * server has validated the client and the redirect URI by the time this runs, then it redirects
 * with {@code error}, {@code state} and {@code iss} as the protocol says.
 */
final class LoginPipelineDenials
    implements Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> {

  static final String ATTRIBUTE = LoginPipelineDenials.class.getName() + ".DENIAL";

  private final Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> defaults =
      new OAuth2AuthorizationCodeRequestAuthenticationValidator();

  @Override
  public void accept(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
    defaults.accept(context);
    StepResult.Deny denial = currentDenial();
    if (denial == null) {
      return;
    }
    OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
    OAuth2Error error = new OAuth2Error(denial.errorCode(), denial.description(), null);
    throw new OAuth2AuthorizationCodeRequestAuthenticationException(error, request);
  }

  private static StepResult.Deny currentDenial() {
    RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
    if (attributes instanceof ServletRequestAttributes servlet) {
      HttpServletRequest request = servlet.getRequest();
      return (StepResult.Deny) request.getAttribute(ATTRIBUTE);
    }
    return null;
  }
}
