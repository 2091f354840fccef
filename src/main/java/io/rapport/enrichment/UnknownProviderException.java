package io.rapport.enrichment;

/** A provider id that is not configured. */
public final class UnknownProviderException extends RuntimeException {

  UnknownProviderException(String providerId) {
    super("No provider '" + providerId + "' is configured");
  }
}
