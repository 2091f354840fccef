package io.rapport.identity;

/** A sign-up or an admin tried to create a second account with one address. */
public final class EmailTakenException extends RuntimeException {

  public EmailTakenException() {
    super("An account with this email address already exists");
  }
}
