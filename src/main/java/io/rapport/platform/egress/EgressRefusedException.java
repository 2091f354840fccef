package io.rapport.platform.egress;

/**
 * A call the guard refused because its host resolves to an address that is not public (loopback,
 * private, link-local such as the cloud metadata address). Nothing was sent.
 */
public final class EgressRefusedException extends EgressException {

  private final String reason;

  EgressRefusedException(String host, String reason) {
    super(Kind.REFUSED, host, "Refused to call " + host + ": it resolves to " + reason);
    this.reason = reason;
  }

  /** Why, such as {@code "a loopback address (127.0.0.1)"}. */
  public String reason() {
    return reason;
  }
}
