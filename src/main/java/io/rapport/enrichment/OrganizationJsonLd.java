package io.rapport.enrichment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The organisation a page describes in its JSON-LD (schema.org): an {@code Organization} or one of
 * its subtypes, at the top of a script, in an array or in an {@code @graph}, or as the {@code
 * publisher} of the page's {@code WebSite} or {@code WebPage}. Organisations nested deeper (a
 * product's brand, a review's author) are other organisations and are not read.
 */
final class OrganizationJsonLd {

  /**
   * Sites write JSON-LD by hand or by template: trailing commas and comments are common enough to
   * accept, since what they break is the syntax, not the meaning.
   */
  private static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
          .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
          .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
          .build();

  /** Organization and its subtypes that sites use; LocalBusiness's many subtypes by suffix. */
  private static final Set<String> ORGANISATION_TYPES =
      Set.of(
          "organization",
          "corporation",
          "localbusiness",
          "onlinebusiness",
          "onlinestore",
          "ngo",
          "educationalorganization",
          "collegeoruniversity",
          "school",
          "governmentorganization",
          "newsmediaorganization",
          "medicalorganization",
          "researchorganization",
          "sportsorganization",
          "airline",
          "consortium",
          "professionalservice",
          "store");

  private static final Set<String> PAGE_TYPES = Set.of("website", "webpage");

  /** What the organisation node says; each part is absent when missing or of the wrong type. */
  record Organization(
      Optional<String> name,
      Optional<String> description,
      Optional<String> logo,
      List<String> sameAs,
      Optional<String> url) {}

  private OrganizationJsonLd() {}

  /** The organisations of these scripts, best candidates first; malformed scripts are skipped. */
  static List<Organization> read(List<String> scripts) {
    List<JsonNode> topLevel = new ArrayList<>();
    for (String script : scripts) {
      parse(script).ifPresent(root -> collectTopLevel(root, topLevel, 0));
    }
    List<Organization> found = new ArrayList<>();
    topLevel.stream()
        .filter(OrganizationJsonLd::isOrganisation)
        .map(OrganizationJsonLd::of)
        .forEach(found::add);
    topLevel.stream()
        .filter(node -> hasType(node, PAGE_TYPES))
        .map(node -> node.get("publisher"))
        .filter(publisher -> publisher != null && isOrganisation(publisher))
        .map(OrganizationJsonLd::of)
        .forEach(found::add);
    return found;
  }

  private static Optional<JsonNode> parse(String script) {
    try {
      return Optional.ofNullable(JSON.readTree(script));
    } catch (JacksonException e) {
      return Optional.empty();
    }
  }

  /** The nodes a script states at its top: itself, an array's items, an {@code @graph}'s. */
  private static void collectTopLevel(JsonNode node, List<JsonNode> into, int depth) {
    if (depth > 3) {
      return;
    }
    if (node.isArray()) {
      node.forEach(item -> collectTopLevel(item, into, depth + 1));
    } else if (node.isObject()) {
      JsonNode graph = node.get("@graph");
      if (graph != null) {
        collectTopLevel(graph, into, depth + 1);
      }
      into.add(node);
    }
  }

  private static boolean isOrganisation(JsonNode node) {
    return hasType(node, ORGANISATION_TYPES)
        || typeNames(node).stream()
            .anyMatch(type -> type.endsWith("organization") || type.endsWith("business"));
  }

  private static boolean hasType(JsonNode node, Set<String> types) {
    return typeNames(node).stream().anyMatch(types::contains);
  }

  /** {@code @type} as a string or a list, without a vocabulary prefix, in lower case. */
  private static List<String> typeNames(JsonNode node) {
    if (!node.isObject()) {
      return List.of();
    }
    JsonNode type = node.get("@type");
    List<String> names = new ArrayList<>();
    if (type != null && type.isString()) {
      names.add(bareType(type.asString()));
    } else if (type != null && type.isArray()) {
      type.forEach(
          item -> {
            if (item.isString()) {
              names.add(bareType(item.asString()));
            }
          });
    }
    return names;
  }

  /** {@code https://schema.org/Corporation} and {@code schema:Corporation} are Corporation. */
  private static String bareType(String type) {
    int cut = Math.max(type.lastIndexOf('/'), type.lastIndexOf(':'));
    return type.substring(cut + 1).trim().toLowerCase(Locale.ROOT);
  }

  private static Organization of(JsonNode node) {
    return new Organization(
        text(node.get("name")).or(() -> text(node.get("legalName"))),
        text(node.get("description")),
        logo(node.get("logo")),
        strings(node.get("sameAs")),
        text(node.get("url")));
  }

  /** A string, a language-tagged {@code {"@value": ...}}, or the first of a list of those. */
  private static Optional<String> text(JsonNode value) {
    if (value == null) {
      return Optional.empty();
    }
    if (value.isString()) {
      return Optional.of(value.asString()).filter(text -> !text.isBlank());
    }
    if (value.isObject()) {
      return text(value.get("@value"));
    }
    if (value.isArray() && !value.isEmpty()) {
      return text(value.get(0));
    }
    return Optional.empty();
  }

  /** A URL string, an {@code ImageObject} with {@code url} or {@code contentUrl}, or a list. */
  private static Optional<String> logo(JsonNode value) {
    if (value == null) {
      return Optional.empty();
    }
    if (value.isObject()) {
      return text(value.get("url")).or(() -> text(value.get("contentUrl")));
    }
    if (value.isArray() && !value.isEmpty()) {
      return logo(value.get(0));
    }
    return text(value);
  }

  private static List<String> strings(JsonNode value) {
    List<String> strings = new ArrayList<>();
    if (value != null && value.isString()) {
      strings.add(value.asString());
    } else if (value != null && value.isArray()) {
      value.forEach(item -> text(item).ifPresent(strings::add));
    }
    return strings;
  }
}
