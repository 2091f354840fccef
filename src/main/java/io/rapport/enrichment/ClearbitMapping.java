package io.rapport.enrichment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Clearbit's combined answer ({@code {"person": {...}, "company": {...}}}, the format
 * Hunter's combined lookup answers in too) into findings of catalog attributes. A field of the
 * wrong type is skipped, not fatal: the rest of the answer is still read. A person Clearbit matched
 * only fuzzily (by name, not by this address: {@code "fuzzy": true}) gives every person finding
 * {@value #FUZZY_FACTOR} of its confidence.
 *
 * <p>Clearbit's employment roles become the words Rapport's plans use where there is one ({@code
 * human_resources} and {@code recruiting} become {@code hr}; {@code ceo}, {@code founder}, {@code
 * owner} and {@code president} become {@code executive}); other roles and every seniority are kept
 * as Clearbit names them.
 */
final class ClearbitMapping {

  static final double FUZZY_FACTOR = 0.6;

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern WORD = Pattern.compile("[a-z][a-z_]{0,49}");
  private static final Pattern HANDLE = Pattern.compile("[A-Za-z0-9_./-]{1,100}");
  private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");
  private static final Pattern RANGE = Pattern.compile("(\\d+)([kK]?)\\s*-\\s*(\\d+)([kK]?)");
  private static final Map<String, String> ROLES =
      Map.of(
          "human_resources", "hr",
          "recruiting", "hr",
          "ceo", "executive",
          "founder", "executive",
          "owner", "executive",
          "president", "executive");

  private ClearbitMapping() {}

  /**
   * Reads a body: a JSON object with {@code person} and {@code company}, either of which may be
   * null or missing.
   *
   * @return the findings, empty when neither says anything usable
   * @throws UnreadableAnswerException when the body is not a JSON object
   */
  static List<Finding> read(byte[] body) throws UnreadableAnswerException {
    return findings(tree(body));
  }

  /** Parses a body into a JSON object. */
  static JsonNode tree(byte[] body) throws UnreadableAnswerException {
    JsonNode tree;
    try {
      tree = JSON.readTree(body);
    } catch (JacksonException e) {
      throw new UnreadableAnswerException("not JSON");
    }
    if (tree == null || !tree.isObject()) {
      throw new UnreadableAnswerException("not a JSON object");
    }
    return tree;
  }

  /** A person's or a company's answer alone, as the combined answer would hold it. */
  static JsonNode wrap(String part, JsonNode answer) {
    var combined = JSON.createObjectNode();
    combined.set(part, answer);
    return combined;
  }

  /** The findings of a combined answer's object. */
  static List<Finding> findings(JsonNode combined) {
    List<Finding> findings = new ArrayList<>();
    JsonNode person = combined.path("person");
    JsonNode company = combined.path("company");
    if (person.isObject()) {
      person(person, findings);
    }
    if (company.isObject()) {
      company(company, findings, findings.stream().anyMatch(f -> f.attribute().equals("country")));
    }
    return findings;
  }

  private static void person(JsonNode person, List<Finding> findings) {
    double sure = person.path("fuzzy").asBoolean(false) ? FUZZY_FACTOR : 1.0;
    JsonNode name = person.path("name");
    text(name, "givenName").ifPresent(v -> add(findings, "given_name", v, 0.9 * sure));
    text(name, "familyName").ifPresent(v -> add(findings, "family_name", v, 0.9 * sure));
    JsonNode employment = person.path("employment");
    text(employment, "name").ifPresent(v -> add(findings, "company_name", v, 0.85 * sure));
    text(employment, "title").ifPresent(v -> add(findings, "job_title", v, 0.85 * sure));
    word(employment, "role")
        .map(role -> ROLES.getOrDefault(role, role))
        .ifPresent(v -> add(findings, "job_role", v, 0.8 * sure));
    word(employment, "seniority").ifPresent(v -> add(findings, "seniority", v, 0.8 * sure));
    country(person.path("geo")).ifPresent(v -> add(findings, "country", v, 0.8 * sure));
    text(person.path("geo"), "city").ifPresent(v -> add(findings, "city", v, 0.7 * sure));
    handle(person.path("linkedin"))
        .ifPresent(h -> add(findings, "linkedin", "https://www.linkedin.com/" + h, 0.85 * sure));
    handle(person.path("twitter")).ifPresent(h -> add(findings, "twitter", h, 0.85 * sure));
    handle(person.path("github")).ifPresent(h -> add(findings, "github", h, 0.85 * sure));
  }

  private static void company(JsonNode company, List<Finding> findings, boolean personCountry) {
    text(company, "name").ifPresent(v -> add(findings, "company_name", v, 0.9));
    text(company, "domain")
        .map(domain -> domain.toLowerCase(Locale.ROOT))
        .ifPresent(
            domain -> {
              add(findings, "company_domain", domain, 0.9);
              add(findings, "company_website", "https://" + domain + "/", 0.8);
            });
    text(company.path("category"), "industry").ifPresent(v -> add(findings, "industry", v, 0.85));
    size(company.path("metrics")).ifPresent(size -> add(findings, size));
    text(company, "description").ifPresent(v -> add(findings, "company_description", v, 0.8));
    text(company, "logo").ifPresent(v -> add(findings, "company_logo", v, 0.8));
    handle(company.path("linkedin"))
        .ifPresent(h -> add(findings, "company_linkedin", "https://www.linkedin.com/" + h, 0.85));
    handle(company.path("twitter"))
        .ifPresent(h -> add(findings, "company_twitter", "https://twitter.com/" + h, 0.85));
    handle(company.path("facebook"))
        .ifPresent(h -> add(findings, "company_facebook", "https://www.facebook.com/" + h, 0.85));
    if (!personCountry) {
      // Where the company is says less of where the user is: a weak hint, taken only alone.
      country(company.path("geo")).ifPresent(v -> add(findings, "country", v, 0.5));
    }
  }

  /** The exact head count at 0.8, else the middle of Clearbit's range (such as 51-250) at 0.6. */
  private static Optional<Finding> size(JsonNode metrics) {
    JsonNode employees = metrics.path("employees");
    if (employees.isIntegralNumber() && employees.asLong() > 0) {
      return Optional.of(new Finding("company_size", Long.toString(employees.asLong()), 0.8));
    }
    return text(metrics, "employeesRange")
        .map(RANGE::matcher)
        .filter(Matcher::matches)
        .map(
            range -> {
              long low = Long.parseLong(range.group(1)) * (range.group(2).isEmpty() ? 1 : 1000);
              long high = Long.parseLong(range.group(3)) * (range.group(4).isEmpty() ? 1 : 1000);
              return new Finding("company_size", Long.toString((low + high) / 2), 0.6);
            });
  }

  private static void add(List<Finding> findings, Finding finding) {
    add(findings, finding.attribute(), finding.value(), finding.confidence());
  }

  private static void add(List<Finding> findings, String attribute, String value, double sure) {
    findings.removeIf(f -> f.attribute().equals(attribute) && f.confidence() <= sure);
    if (findings.stream().noneMatch(f -> f.attribute().equals(attribute))) {
      findings.add(new Finding(attribute, value, Math.round(sure * 100) / 100.0));
    }
  }

  /** A text field, trimmed; empty when missing, null, blank or not text. */
  private static Optional<String> text(JsonNode parent, String field) {
    JsonNode node = parent.path(field);
    if (!node.isString()) {
      return Optional.empty();
    }
    String value = node.asString().strip();
    return value.isEmpty() || value.length() > 1000 ? Optional.empty() : Optional.of(value);
  }

  private static Optional<String> word(JsonNode parent, String field) {
    return text(parent, field)
        .map(value -> value.toLowerCase(Locale.ROOT))
        .filter(WORD.asMatchPredicate());
  }

  private static Optional<String> country(JsonNode geo) {
    return text(geo, "countryCode")
        .filter(COUNTRY.asMatchPredicate())
        .map(code -> code.toUpperCase(Locale.ROOT));
  }

  /** A social account's {@code handle}: {@code in/jane} for LinkedIn, {@code jane} elsewhere. */
  private static Optional<String> handle(JsonNode account) {
    return text(account, "handle").filter(HANDLE.asMatchPredicate()).filter(h -> !h.contains(".."));
  }

  /** A body that is not the JSON object the service documents. */
  static final class UnreadableAnswerException extends Exception {

    UnreadableAnswerException(String reason) {
      super(reason, null, false, false);
    }
  }
}
