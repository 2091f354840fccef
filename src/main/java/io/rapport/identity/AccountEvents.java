package io.rapport.identity;

/**
 * What happens to accounts, published as Spring application events inside the transaction that
 * makes it happen, so that other features (enrichment) can act in the same transaction without
 * identity knowing them.
 */
public final class AccountEvents {

  private AccountEvents() {}

  /** An account was created by sign-up. */
  public record SignedUp(String userId) {}

  /** A user signed in with a password. */
  public record SignedIn(String userId) {}

  /** A user proved the account's email address through the link sent by mail. */
  public record EmailVerified(String userId) {}
}
