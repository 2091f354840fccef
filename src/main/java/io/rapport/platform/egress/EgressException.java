package io.rapport.platform.egress;

/**
 * A call that got no usable response: refused, unreachable, too slow, too large, or redirected too
 * often. Its message names the host and what went wrong, never the path or the body, which may
 * carry personal data. An HTTP status, even 500, is a response and not an exception.
 */
public class EgressException extends Exception {

  /** What went wrong, for a caller to decide whether trying again later makes sense. */
  public enum Kind {
    /** The guard refused the address ({@link EgressRefusedException}); retrying will not help. */
    REFUSED(false),
    /** The host name does not resolve. */
    UNKNOWN_HOST(false),
    /** Nothing accepted the connection, or TLS failed. */
    CONNECT_FAILED(true),
    /** The call took longer than its timeout. */
    TIMEOUT(true),
    /** The connection broke off (reset, closed early, a malformed response). */
    BROKEN(true),
    /** The body was larger than the call's limit. */
    BODY_TOO_LARGE(false),
    /** More redirects than the call allows, or a redirect loop. */
    TOO_MANY_REDIRECTS(false),
    /** A redirect to something that is not an http(s) URL. */
    BAD_REDIRECT(false);

    private final boolean transientFault;

    Kind(boolean transientFault) {
      this.transientFault = transientFault;
    }

    /** Whether the same call may well succeed later. */
    public boolean transientFault() {
      return transientFault;
    }
  }

  private final Kind kind;
  private final String host;

  public EgressException(Kind kind, String host, String message) {
    super(message);
    this.kind = kind;
    this.host = host;
  }

  EgressException(Kind kind, String host, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.host = host;
  }

  public Kind kind() {
    return kind;
  }

  /** The host of the call (or of the redirect) that failed. */
  public String host() {
    return host;
  }
}
