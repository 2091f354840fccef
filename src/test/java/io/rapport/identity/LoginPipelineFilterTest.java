package io.rapport.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The pipeline must run for every redirect URI the authorization server accepts, else a login could
 * pass by email verification, the post-login actions and the profiling gates.
 */
class LoginPipelineFilterTest {

  private static final Set<String> LOOPBACK = Set.of("http://127.0.0.1:8400/callback");

  @Test
  void theRegisteredUriMatchesExactly() {
    assertThat(
            LoginPipelineFilter.redirectMatches(
                "https://app.example.com/cb", Set.of("https://app.example.com/cb")))
        .isTrue();
    assertThat(LoginPipelineFilter.redirectMatches("http://127.0.0.1:8400/callback", LOOPBACK))
        .isTrue();
  }

  @Test
  void aLoopbackIpRedirectMatchesOnAnyPortAsTheAuthorizationServerAcceptsIt() {
    assertThat(LoginPipelineFilter.redirectMatches("http://127.0.0.1:51234/callback", LOOPBACK))
        .isTrue();
    assertThat(LoginPipelineFilter.redirectMatches("http://127.0.0.1/callback", LOOPBACK)).isTrue();
    assertThat(
            LoginPipelineFilter.redirectMatches(
                "http://[::1]:9/callback", Set.of("http://[::1]:8400/callback")))
        .isTrue();
  }

  @Test
  void anythingElseDoesNotMatch() {
    assertThat(LoginPipelineFilter.redirectMatches(null, LOOPBACK)).isFalse();
    assertThat(LoginPipelineFilter.redirectMatches("http://127.0.0.1:51234/other", LOOPBACK))
        .isFalse();
    assertThat(LoginPipelineFilter.redirectMatches("https://127.0.0.1:8400/callback", LOOPBACK))
        .isFalse();
    assertThat(
            LoginPipelineFilter.redirectMatches(
                "http://127.0.0.1:51234/callback?x=1", Set.of("http://127.0.0.1:8400/callback")))
        .isFalse();
    assertThat(
            LoginPipelineFilter.redirectMatches(
                "http://localhost:3001/callback", Set.of("http://localhost:3000/callback")))
        .isFalse();
    assertThat(
            LoginPipelineFilter.redirectMatches(
                "https://app.example.com:444/cb", Set.of("https://app.example.com/cb")))
        .isFalse();
    assertThat(LoginPipelineFilter.redirectMatches("http://%zz:1/x", LOOPBACK)).isFalse();
  }
}
