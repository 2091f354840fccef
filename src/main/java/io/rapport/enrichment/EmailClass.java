package io.rapport.enrichment;

/**
 * What an email address says by itself, without asking anyone.
 *
 * @param domain the address's domain, in lower case
 * @param kind what the domain is
 * @param role whether the local part names a role ({@code info}, {@code hr}) rather than a person
 * @param institution the name of the academic institution of the domain; null when unknown
 */
public record EmailClass(String domain, DomainKind kind, boolean role, String institution) {}
