package io.rapport.enrichment;

import java.util.Locale;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A FullContact person ({@code POST /v3/person.enrich}'s answer, and the body of its webhook, which
 * FullContact documents as the same JSON), turned into findings of catalog attributes.
 *
 * <p><b>Confidence.</b> FullContact gives no score per answer: it answers only matches at or above
 * the request's {@code confidenceLevel}, HIGH (95 %) by default, which Rapport leaves as it is. So
 * each finding's confidence says how well the field itself holds for the person matched: {@link
 * #IDENTITY} for the name and the social profiles, which are the person's own; {@link #EMPLOYMENT}
 * for title and employer, which may be a job ago; {@link #LOCATION} for city and country, which
 * FullContact often infers.
 *
 * <p>The summary fields at the top ({@code fullName}, {@code title}, {@code organization}, {@code
 * linkedin}, {@code twitter}) come first; the {@code details} fill what they leave out ({@code
 * details.name}, the current {@code details.employment}, the first {@code details.locations},
 * {@code details.profiles}). A field of another type than documented is left out, the rest kept.
 */
final class FullContactPerson {

  static final double IDENTITY = 0.9;
  static final double EMPLOYMENT = 0.8;
  static final double LOCATION = 0.75;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JsonNode root;

  private FullContactPerson(JsonNode root) {
    this.root = root;
  }

  /** The person in the body, or empty when the body is not a JSON object. */
  static Optional<FullContactPerson> read(byte[] body) {
    try {
      JsonNode root = JSON.readTree(body);
      return root != null && root.isObject()
          ? Optional.of(new FullContactPerson(root))
          : Optional.empty();
    } catch (JacksonException notJson) {
      return Optional.empty();
    }
  }

  /**
   * The {@code status} a webhook body carries (FullContact's webhooks mirror its answers, a
   * no-match as {@code {"status": 404, "message": "Profile not found"}}); empty for a person.
   */
  Optional<Integer> status() {
    JsonNode status = root.get("status");
    return status != null && status.isIntegralNumber() && status.canConvertToInt()
        ? Optional.of(status.asInt())
        : Optional.empty();
  }

  PersonFindings findings() {
    PersonFindings findings = new PersonFindings();
    JsonNode details = object(root.get("details"), findings);
    JsonNode name = object(details == null ? null : details.get("name"), findings);
    findings
        .text("name", findings.stringOrDrop(root, "fullName"), IDENTITY)
        .text("given_name", findings.stringOrDrop(name, "given"), IDENTITY)
        .text("family_name", findings.stringOrDrop(name, "family"), IDENTITY);
    employment(findings, details);
    location(findings, details);
    profiles(findings, details);
    findings.url("website", findings.stringOrDrop(root, "website"), EMPLOYMENT);
    return findings;
  }

  private void employment(PersonFindings findings, JsonNode details) {
    JsonNode current = current(details == null ? null : details.get("employment"), findings);
    findings
        .text("job_title", findings.stringOrDrop(root, "title"), EMPLOYMENT)
        .text("job_title", findings.stringOrDrop(current, "title"), EMPLOYMENT)
        .text("company_name", findings.stringOrDrop(root, "organization"), EMPLOYMENT)
        .text("company_name", findings.stringOrDrop(current, "name"), EMPLOYMENT)
        .text(
            "company_domain",
            findings
                .stringOrDrop(current, "domain")
                .map(domain -> domain.strip().toLowerCase(Locale.ROOT))
                .filter(domain -> domain.matches("[a-z0-9-]+(\\.[a-z0-9-]+)+")),
            EMPLOYMENT);
  }

  private void location(PersonFindings findings, JsonNode details) {
    JsonNode locations = details == null ? null : details.get("locations");
    JsonNode first = null;
    if (locations != null && locations.isArray() && !locations.isEmpty()) {
      first = object(locations.get(0), findings);
    } else if (locations != null && !locations.isNull() && !locations.isArray()) {
      findings.drop();
    }
    findings
        .text("city", findings.stringOrDrop(first, "city"), LOCATION)
        .country("country", findings.stringOrDrop(first, "countryCode"), LOCATION)
        .country("country", findings.stringOrDrop(first, "country"), LOCATION);
  }

  private void profiles(PersonFindings findings, JsonNode details) {
    JsonNode profiles = object(details == null ? null : details.get("profiles"), findings);
    findings.url("linkedin", findings.stringOrDrop(root, "linkedin"), IDENTITY);
    findings.url("linkedin", profile(findings, profiles, "linkedin", "url"), IDENTITY);
    findings.text(
        "twitter",
        findings.stringOrDrop(root, "twitter").flatMap(PersonFindings::handle),
        IDENTITY);
    findings.text(
        "twitter",
        profile(findings, profiles, "twitter", "username").flatMap(PersonFindings::handle),
        IDENTITY);
    findings.text(
        "github",
        profile(findings, profiles, "github", "username").flatMap(PersonFindings::handle),
        IDENTITY);
  }

  private static Optional<String> profile(
      PersonFindings findings, JsonNode profiles, String service, String field) {
    JsonNode profile = object(profiles == null ? null : profiles.get(service), findings);
    return findings.stringOrDrop(profile, field);
  }

  /** The current job, else the first listed. */
  private static JsonNode current(JsonNode employment, PersonFindings findings) {
    if (employment == null || employment.isNull()) {
      return null;
    }
    if (!employment.isArray()) {
      findings.drop();
      return null;
    }
    for (JsonNode job : employment) {
      JsonNode current = job.get("current");
      if (job.isObject() && current != null && current.isBoolean() && current.asBoolean()) {
        return job;
      }
    }
    return employment.isEmpty() ? null : object(employment.get(0), findings);
  }

  /** The node when it is an object; null, counting it dropped, when it is something else. */
  private static JsonNode object(JsonNode node, PersonFindings findings) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (!node.isObject()) {
      findings.drop();
      return null;
    }
    return node;
  }
}
