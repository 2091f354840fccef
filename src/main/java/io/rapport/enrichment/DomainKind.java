package io.rapport.enrichment;

import java.util.Locale;

/** What the domain of an email address is, as the {@code email_type} attribute stores it. */
public enum DomainKind {
  /** A domain of the user's employer, as far as the lists know: worth a company lookup. */
  COMPANY,
  /** A university or college. */
  ACADEMIC,
  /** A free mailbox provider such as gmail.com: says nothing of an employer. */
  FREE_MAIL,
  /** A throwaway mailbox such as mailinator.com. */
  DISPOSABLE;

  /** The stored form: {@code company}, {@code academic}, {@code free-mail}, {@code disposable}. */
  public String value() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Whether the domain belongs to an organisation that a company lookup can find. */
  public boolean organisation() {
    return this == COMPANY || this == ACADEMIC;
  }
}
