package io.rapport.identity;

import java.util.Arrays;

/**
 * Input refused for a reason the user can fix; carries a message key of {@code messages} and its
 * arguments, so that each page shows the reason in the user's language.
 */
public final class RejectedInputException extends RuntimeException {

  private final String messageKey;
  private final transient Object[] arguments;

  public RejectedInputException(String messageKey, Object... arguments) {
    super(messageKey);
    this.messageKey = messageKey;
    this.arguments = arguments.clone();
  }

  public String messageKey() {
    return messageKey;
  }

  public Object[] arguments() {
    return Arrays.copyOf(arguments, arguments.length);
  }
}
