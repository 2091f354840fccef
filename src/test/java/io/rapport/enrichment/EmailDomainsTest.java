package io.rapport.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What an address says by itself, from the bundled lists. */
class EmailDomainsTest {

  private static final EmailDomains DOMAINS = new EmailDomains();

  @Test
  void freeMailProvidersAreNotEmployers() {
    assertThat(DOMAINS.classify("jane@gmail.com").kind()).isEqualTo(DomainKind.FREE_MAIL);
    assertThat(DOMAINS.classify("jane@web.de").kind()).isEqualTo(DomainKind.FREE_MAIL);
    assertThat(DOMAINS.classify("jane@outlook.com").kind()).isEqualTo(DomainKind.FREE_MAIL);
  }

  @Test
  void disposableDomainsAndTheirSubdomainsAreDisposable() {
    assertThat(DOMAINS.classify("x@mailinator.com").kind()).isEqualTo(DomainKind.DISPOSABLE);
    assertThat(DOMAINS.classify("x@inbox.mailinator.com").kind()).isEqualTo(DomainKind.DISPOSABLE);
  }

  @Test
  void academicDomainsNameTheirInstitutionDepartmentsIncluded() {
    EmailClass mit = DOMAINS.classify("ada@csail.mit.edu");

    assertThat(mit.kind()).isEqualTo(DomainKind.ACADEMIC);
    assertThat(mit.institution()).isEqualTo("Massachusetts Institute of Technology");
    assertThat(DOMAINS.classify("ada@tum.de").institution())
        .isEqualTo("Technical University of Munich");
  }

  @Test
  void academicSuffixesCountWithoutANameAndTheirExceptionsDoNot() {
    EmailClass suffix = DOMAINS.classify("ada@some-college.ac.jp");
    assertThat(suffix.kind()).isEqualTo(DomainKind.ACADEMIC);
    assertThat(suffix.institution()).isNull();

    assertThat(DOMAINS.classify("ada@id.ac").kind())
        .as("on swot's stoplist")
        .isNotEqualTo(DomainKind.ACADEMIC);
  }

  @Test
  void unlistedDomainsAreCompanies() {
    EmailClass company = DOMAINS.classify("jane.doe@acme-analytics.example");

    assertThat(company.kind()).isEqualTo(DomainKind.COMPANY);
    assertThat(company.domain()).isEqualTo("acme-analytics.example");
    assertThat(company.role()).isFalse();
  }

  @Test
  void roleAddressesAreToldApartFromPeopleWhateverTheirTag() {
    assertThat(DOMAINS.classify("hr@acme-analytics.example").role()).isTrue();
    assertThat(DOMAINS.classify("info+web@acme-analytics.example").role()).isTrue();
    assertThat(DOMAINS.classify("hr.jane@acme-analytics.example").role()).isFalse();
    assertThat(DOMAINS.classify("jane+hr@acme-analytics.example").role()).isFalse();
  }

  @Test
  void findingsSayTheKindTheRoleAndForOrganisationsTheDomain() {
    assertThat(EmailDomainProviderType.findings(DOMAINS.classify("jane@gmail.com")))
        .extracting(Finding::attribute, Finding::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("email_type", "free-mail"),
            org.assertj.core.groups.Tuple.tuple("role_address", "false"));
    assertThat(EmailDomainProviderType.findings(DOMAINS.classify("ada@tum.de")))
        .extracting(Finding::attribute, Finding::value)
        .contains(
            org.assertj.core.groups.Tuple.tuple("email_type", "academic"),
            org.assertj.core.groups.Tuple.tuple("company_domain", "tum.de"),
            org.assertj.core.groups.Tuple.tuple("company_name", "Technical University of Munich"));
  }
}
