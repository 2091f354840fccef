package io.rapport.identity;

import io.rapport.platform.RapportProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Where links in mail point: the configured issuer, or the address the request came to. */
@Component
final class LinkBase {

  private final String issuer;

  LinkBase(RapportProperties properties) {
    String configured = properties.issuer();
    this.issuer = configured == null ? null : configured.replaceAll("/+$", "");
  }

  String current() {
    return issuer != null
        ? issuer
        : ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
  }
}
