package io.rapport.enrichment;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A People Data Labs person record ({@code {"status": 200, "likelihood": 8, "data": {...}}}, see
 * docs.peopledatalabs.com "Output Response - Person Enrichment API" and "Person Schema"), turned
 * into findings of catalog attributes.
 *
 * <p><b>Confidence.</b> PDL's {@code likelihood} (1 to 10, logarithmic: each step is a large change
 * in the odds that the record is the person asked about) becomes one confidence for every finding
 * of the record: {@link #CONFIDENCE_BY_LIKELIHOOD}. Only likelihoods from {@link
 * PeopleDataLabsProviderType#MIN_LIKELIHOOD} are asked for; a record whose likelihood is missing or
 * not a whole number from 1 to 10 is taken at that floor, which PDL guaranteed by answering.
 *
 * <p><b>Vocabularies.</b> PDL writes most values in lower case. Names and the city are capitalised;
 * roles, levels and company sizes are translated to the catalog's words (docs/profiling.md): see
 * {@link #ROLES}, {@link #SENIORITY_BY_LEVEL} and {@link #SIZES}. A value outside PDL's documented
 * vocabulary, or of another type than PDL documents (a number for {@code job_company_size}, {@code
 * true} for a field a plan does not include), is left out and the rest of the record kept.
 */
final class PeopleDataLabsPerson {

  /** Likelihood 1 to 10 (the index) to confidence. */
  static final double[] CONFIDENCE_BY_LIKELIHOOD = {
    0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9
  };

  /** PDL's {@code job_title_role} to the catalog's {@code job_role}; other known roles: other. */
  static final Map<String, String> ROLES =
      Map.of(
          "human_resources", "hr",
          "engineering", "engineering",
          "marketing", "marketing",
          "sales", "sales",
          "sales_engineering", "sales");

  /** PDL's roles (v28 onwards), which are not an error when the catalog has no word for them. */
  static final List<String> PDL_ROLES =
      List.of(
          "advisory",
          "analyst",
          "creative",
          "education",
          "engineering",
          "finance",
          "fulfillment",
          "health",
          "hospitality",
          "human_resources",
          "legal",
          "manufacturing",
          "marketing",
          "operations",
          "partnerships",
          "product",
          "professional_service",
          "public_service",
          "research",
          "sales",
          "sales_engineering",
          "support",
          "trade",
          "unemployed");

  /**
   * PDL's {@code job_title_levels}, highest first, to the catalog's {@code seniority}. A person
   * with several levels (a "senior manager" is {@code senior} and {@code manager}) gets the
   * highest.
   */
  static final List<Map.Entry<String, String>> SENIORITY_BY_LEVEL =
      List.of(
          Map.entry("owner", "executive"),
          Map.entry("cxo", "executive"),
          Map.entry("partner", "executive"),
          Map.entry("vp", "vp"),
          Map.entry("director", "director"),
          Map.entry("manager", "manager"),
          Map.entry("senior", "senior"),
          Map.entry("entry", "entry"),
          Map.entry("training", "training"),
          Map.entry("unpaid", "training"));

  /**
   * PDL's {@code job_company_size} ranges to {@code company_size}, stored as the lower bound of the
   * range of the sign-up plan's question (docs/profiling.md: 1, 11, 51, 201, 1001, 5001) that holds
   * PDL's range, so that a size PDL found is one of the answers the question offers.
   */
  static final Map<String, Long> SIZES =
      Map.of(
          "1-10", 1L,
          "11-50", 11L,
          "51-200", 51L,
          "201-500", 201L,
          "501-1000", 201L,
          "1001-5000", 1001L,
          "5001-10000", 5001L,
          "10001+", 5001L);

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JsonNode data;
  private final double confidence;
  private final boolean likelihoodUnreadable;

  private PeopleDataLabsPerson(JsonNode data, double confidence, boolean likelihoodUnreadable) {
    this.data = data;
    this.confidence = confidence;
    this.likelihoodUnreadable = likelihoodUnreadable;
  }

  /** The record in the body, or empty when the body is not JSON or has no {@code data} object. */
  static Optional<PeopleDataLabsPerson> read(byte[] body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JacksonException notJson) {
      return Optional.empty();
    }
    JsonNode data = root == null ? null : root.get("data");
    if (data == null || !data.isObject()) {
      return Optional.empty();
    }
    JsonNode likelihood = root.get("likelihood");
    boolean readable =
        likelihood != null
            && likelihood.isIntegralNumber()
            && likelihood.canConvertToInt()
            && likelihood.asInt() >= 1
            && likelihood.asInt() <= 10;
    int score = readable ? likelihood.asInt() : PeopleDataLabsProviderType.MIN_LIKELIHOOD;
    return Optional.of(new PeopleDataLabsPerson(data, CONFIDENCE_BY_LIKELIHOOD[score], !readable));
  }

  PersonFindings findings() {
    PersonFindings findings = new PersonFindings();
    if (likelihoodUnreadable) {
      findings.drop();
    }
    names(findings);
    job(findings);
    company(findings);
    findings
        .country("country", findings.stringOrDrop(data, "location_country"), confidence)
        .text(
            "city",
            findings.stringOrDrop(data, "location_locality").map(PersonFindings::capitalised),
            confidence)
        .url("linkedin", findings.stringOrDrop(data, "linkedin_url"), confidence);
    findings.text("twitter", handle(findings, "twitter_username", "twitter_url"), confidence);
    findings.text("github", handle(findings, "github_username", "github_url"), confidence);
    return findings;
  }

  private void names(PersonFindings findings) {
    findings
        .text(
            "name",
            findings.stringOrDrop(data, "full_name").map(PersonFindings::capitalised),
            confidence)
        .text(
            "given_name",
            findings.stringOrDrop(data, "first_name").map(PersonFindings::capitalised),
            confidence)
        .text(
            "family_name",
            findings.stringOrDrop(data, "last_name").map(PersonFindings::capitalised),
            confidence);
  }

  private void job(PersonFindings findings) {
    findings.text("job_title", findings.stringOrDrop(data, "job_title"), confidence);
    Optional<String> role = findings.stringOrDrop(data, "job_title_role");
    Optional<String> seniority = seniority(findings);
    if (seniority.filter("executive"::equals).isPresent()) {
      findings.text("job_role", Optional.of("executive"), confidence);
    } else if (role.isPresent()) {
      String word = ROLES.get(role.get());
      if (word == null && !PDL_ROLES.contains(role.get())) {
        findings.drop();
      } else {
        findings.text("job_role", Optional.of(word == null ? "other" : word), confidence);
      }
    }
    findings.text("seniority", seniority, confidence);
  }

  /** The highest of PDL's levels the catalog has a word for. */
  private Optional<String> seniority(PersonFindings findings) {
    JsonNode levels = data.get("job_title_levels");
    if (levels == null || levels.isNull()) {
      return Optional.empty();
    }
    if (!levels.isArray()) {
      findings.drop();
      return Optional.empty();
    }
    for (Map.Entry<String, String> level : SENIORITY_BY_LEVEL) {
      for (JsonNode item : levels) {
        if (item.isString() && item.asString().equals(level.getKey())) {
          return Optional.of(level.getValue());
        }
      }
    }
    if (!levels.isEmpty()) {
      findings.drop();
    }
    return Optional.empty();
  }

  private void company(PersonFindings findings) {
    findings.text("company_name", findings.stringOrDrop(data, "job_company_name"), confidence);
    Optional<String> website = findings.stringOrDrop(data, "job_company_website");
    findings.url("company_website", website, confidence);
    findings.text("company_domain", website.flatMap(PeopleDataLabsPerson::domain), confidence);
    Optional<String> size = findings.stringOrDrop(data, "job_company_size");
    if (size.isPresent() && !SIZES.containsKey(size.get())) {
      findings.drop();
    }
    findings.number("company_size", size.map(SIZES::get), confidence);
    findings.text("industry", findings.stringOrDrop(data, "job_company_industry"), confidence);
  }

  /** The account name, from PDL's username field, else from the last segment of its URL. */
  private Optional<String> handle(PersonFindings findings, String usernameField, String urlField) {
    return findings
        .stringOrDrop(data, usernameField)
        .flatMap(PersonFindings::handle)
        .or(() -> findings.stringOrDrop(data, urlField).flatMap(PersonFindings::handle));
  }

  /** The host of a company's site ({@code www.acme.example/} gives {@code acme.example}). */
  private static Optional<String> domain(String website) {
    String host = website.strip().replaceFirst("^[a-zA-Z]+://", "");
    int end = host.indexOf('/');
    host = (end >= 0 ? host.substring(0, end) : host).toLowerCase(Locale.ROOT);
    host = host.startsWith("www.") ? host.substring(4) : host;
    return host.matches("[a-z0-9-]+(\\.[a-z0-9-]+)+") ? Optional.of(host) : Optional.empty();
  }
}
