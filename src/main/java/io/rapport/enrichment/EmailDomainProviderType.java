package io.rapport.enrichment;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The {@code email-domain} provider: what the address says by itself, from bundled lists, with no
 * key and no network. It records the kind of address ({@code email_type}: company, academic,
 * free-mail, disposable) and whether it names a role ({@code role_address}); for an organisation's
 * address, its domain ({@code company_domain}); for an academic one, the institution's name.
 */
@Component
final class EmailDomainProviderType implements ProviderType {

  static final String TYPE = "email-domain";

  /** The lists are maintained by hand: right for almost every domain, not for all. */
  private static final double LISTED = 0.95;

  /** An unlisted domain is probably the employer's, but may be a small mail host. */
  private static final double COMPANY_DOMAIN = 0.7;

  private final EmailDomains domains;

  EmailDomainProviderType(EmailDomains domains) {
    this.domains = domains;
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public boolean needsApiKey() {
    return false;
  }

  @Override
  public EnrichmentProvider create(ProviderSettings settings) {
    return new Provider(settings.id());
  }

  static List<Finding> findings(EmailClass email) {
    List<Finding> findings = new ArrayList<>();
    boolean company = email.kind() == DomainKind.COMPANY;
    findings.add(
        new Finding("email_type", email.kind().value(), company ? COMPANY_DOMAIN : LISTED));
    findings.add(new Finding("role_address", String.valueOf(email.role()), LISTED));
    if (email.kind().organisation()) {
      findings.add(
          new Finding("company_domain", email.domain(), company ? COMPANY_DOMAIN : LISTED));
    }
    if (email.institution() != null) {
      findings.add(new Finding("company_name", email.institution(), LISTED));
    }
    return findings;
  }

  private final class Provider implements EnrichmentProvider {

    private final String id;

    Provider(String id) {
      this.id = id;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public Subject subject() {
      return Subject.PERSON;
    }

    @Override
    public boolean accepts(EmailClass email) {
      return true;
    }

    @Override
    public boolean cached() {
      return false;
    }

    @Override
    public LookupResult lookUp(Lookup lookup) {
      return LookupResult.match(findings(domains.classify(lookup.email())));
    }
  }
}
