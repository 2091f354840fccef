package io.rapport.enrichment;

import java.util.List;

/** A provider's settings that cannot be stored, with every reason. */
public final class InvalidProviderException extends RuntimeException {

  private final List<String> problems;

  InvalidProviderException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
