package io.rapport.identity;

/** What a {@link LoginStep} decided. */
public sealed interface StepResult {

  StepResult CONTINUE = new Continue();

  /** Go on to the next step. */
  record Continue() implements StepResult {}

  /**
   * End the login with an OAuth error sent to the application's redirect URI.
   *
   * @param errorCode an error code of RFC 6749 section 4.1.2.1 or OIDC Core section 3.1.2.6, such
   *     as {@code access_denied} or {@code interaction_required}
   * @param description a short text for the application's developers, never personal data
   */
  record Deny(String errorCode, String description) implements StepResult {}

  /**
   * Send the user to a page of Rapport's; the page resumes the login through {@link
   * LoginPipeline#complete} when it is done.
   *
   * @param path the page's path; the pipeline adds a {@code resume} parameter
   */
  record ShowPage(String path) implements StepResult {}
}
