package io.rapport.enrichment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a company's home page says of the company, read from its structured data in order of how
 * deliberately it was written: JSON-LD first, then OpenGraph, then the title and meta description.
 * Each attribute is taken from the best source that has it, with that source's confidence.
 */
final class CompanyPage {

  /**
   * JSON-LD {@code Organization} is the site's own statement about the organisation, written for
   * search engines' knowledge panels: names, logos and profiles are chosen with care there.
   */
  static final double JSON_LD = 0.85;

  /**
   * OpenGraph is written for link previews: {@code og:site_name} names the site, usually the
   * company's brand, but sometimes a product or a shop; descriptions are often marketing lines.
   */
  static final double OPEN_GRAPH = 0.65;

  /** {@code og:image} is a share picture: the logo on many sites, a banner or photo on others. */
  static final double OPEN_GRAPH_IMAGE = 0.5;

  /** A title mixes the name with the page's name and a tagline; what is left is a fair guess. */
  static final double TITLE = 0.45;

  /** The site answered at the company's own domain, or where that domain redirected to. */
  static final double WEBSITE = 0.8;

  private static final int MAX_NAME_LENGTH = 200;
  private static final int MAX_DESCRIPTION_LENGTH = 1000;
  private static final int MAX_URL_LENGTH = 2000;
  private static final int MAX_TITLE_NAME_LENGTH = 80;
  private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
  private static final Pattern TITLE_SEPARATORS =
      Pattern.compile("\\s*[|·•»]\\s*|\\s+[-–—:]\\s+|:\\s+");
  private static final Pattern WELCOME = Pattern.compile("(?i)^(welcome to|willkommen bei)\\s+");
  private static final Set<String> GENERIC_TITLE_PARTS =
      Set.of(
          "home",
          "homepage",
          "home page",
          "welcome",
          "start",
          "startseite",
          "accueil",
          "official site",
          "official website",
          "index");

  private final Document document;
  private final URI page;

  private CompanyPage(Document document, URI page) {
    this.document = document;
    this.page = page;
  }

  /**
   * Reads the page.
   *
   * @param charset from the response's Content-Type, or null to let the page's meta tag say
   * @param page the URL that answered, after redirects: relative links resolve against it
   */
  static CompanyPage parse(byte[] html, Charset charset, URI page) {
    try {
      return new CompanyPage(
          Jsoup.parse(
              new ByteArrayInputStream(html),
              charset == null ? null : charset.name(),
              page.toString()),
          page);
    } catch (IOException e) {
      throw new UncheckedIOException("Reading bytes in memory", e);
    }
  }

  /** The findings, one per attribute, each from the best source that had it. */
  List<Finding> findings() {
    Map<String, Finding> best = new LinkedHashMap<>();
    jsonLd().forEach(finding -> best.putIfAbsent(finding.attribute(), finding));
    openGraph().forEach(finding -> best.putIfAbsent(finding.attribute(), finding));
    titleAndMeta().forEach(finding -> best.putIfAbsent(finding.attribute(), finding));
    if (best.isEmpty()) {
      return List.of();
    }
    best.put(
        "company_website", new Finding("company_website", page.resolve("/").toString(), WEBSITE));
    return List.copyOf(best.values());
  }

  private List<Finding> jsonLd() {
    List<String> scripts =
        document.select("script[type~=(?i)^\\s*application/ld\\+json]").stream()
            .map(Element::data)
            .toList();
    List<OrganizationJsonLd.Organization> organisations = OrganizationJsonLd.read(scripts);
    if (organisations.isEmpty()) {
      return List.of();
    }
    OrganizationJsonLd.Organization organisation = ofThisSite(organisations);
    List<Finding> findings = new ArrayList<>();
    organisation
        .name()
        .flatMap(CompanyPage::name)
        .ifPresent(name -> findings.add(new Finding("company_name", name, JSON_LD)));
    organisation
        .description()
        .flatMap(CompanyPage::description)
        .ifPresent(text -> findings.add(new Finding("company_description", text, JSON_LD)));
    organisation
        .logo()
        .flatMap(this::url)
        .ifPresent(logo -> findings.add(new Finding("company_logo", logo, JSON_LD)));
    for (String profile : organisation.sameAs()) {
      url(profile)
          .ifPresent(
              link ->
                  SocialProfile.attributeOf(URI.create(link))
                      .ifPresent(attribute -> findings.add(new Finding(attribute, link, JSON_LD))));
    }
    return firstOfEachAttribute(findings);
  }

  /** The organisation whose {@code url} is this site, else the first: a page may name partners. */
  private OrganizationJsonLd.Organization ofThisSite(
      List<OrganizationJsonLd.Organization> organisations) {
    String site = bareHost(page.getHost());
    return organisations.stream()
        .filter(
            organisation ->
                organisation
                    .url()
                    .flatMap(this::url)
                    .map(url -> bareHost(URI.create(url).getHost()).equals(site))
                    .orElse(false))
        .findFirst()
        .orElse(organisations.get(0));
  }

  private List<Finding> openGraph() {
    List<Finding> findings = new ArrayList<>();
    meta("og:site_name")
        .flatMap(CompanyPage::name)
        .ifPresent(name -> findings.add(new Finding("company_name", name, OPEN_GRAPH)));
    meta("og:description")
        .flatMap(CompanyPage::description)
        .ifPresent(text -> findings.add(new Finding("company_description", text, OPEN_GRAPH)));
    meta("og:image")
        .or(() -> meta("og:image:url"))
        .flatMap(this::url)
        .ifPresent(logo -> findings.add(new Finding("company_logo", logo, OPEN_GRAPH_IMAGE)));
    return findings;
  }

  private List<Finding> titleAndMeta() {
    List<Finding> findings = new ArrayList<>();
    nameFromTitle(document.title())
        .ifPresent(name -> findings.add(new Finding("company_name", name, TITLE)));
    meta("description")
        .flatMap(CompanyPage::description)
        .ifPresent(text -> findings.add(new Finding("company_description", text, TITLE)));
    return findings;
  }

  /** A meta tag's content by {@code property} (OpenGraph's way) or {@code name}. */
  private Optional<String> meta(String key) {
    for (Element meta : document.select("meta[property], meta[name]")) {
      String named = meta.hasAttr("property") ? meta.attr("property") : meta.attr("name");
      if (named.trim().equalsIgnoreCase(key) && !meta.attr("content").isBlank()) {
        return Optional.of(meta.attr("content"));
      }
    }
    return Optional.empty();
  }

  /**
   * The company's name in a title such as "Home | Globex Corporation" or "Acme Widgets – Widgets
   * since 1920": the first part that is not a generic page name, if it is short enough to be one.
   */
  static Optional<String> nameFromTitle(String title) {
    for (String part : TITLE_SEPARATORS.split(clean(title))) {
      String candidate = WELCOME.matcher(part.strip()).replaceFirst("");
      if (candidate.isEmpty() || GENERIC_TITLE_PARTS.contains(candidate.toLowerCase(Locale.ROOT))) {
        continue;
      }
      return candidate.length() <= MAX_TITLE_NAME_LENGTH
          ? Optional.of(candidate)
          : Optional.empty();
    }
    return Optional.empty();
  }

  private static Optional<String> name(String raw) {
    String name = clean(raw);
    return name.isEmpty() || name.length() > MAX_NAME_LENGTH ? Optional.empty() : Optional.of(name);
  }

  /** A description, cut at a word before the catalog's limit for text. */
  private static Optional<String> description(String raw) {
    String text = clean(raw);
    if (text.length() > MAX_DESCRIPTION_LENGTH) {
      int space = text.lastIndexOf(' ', MAX_DESCRIPTION_LENGTH - 1);
      text = text.substring(0, space > 0 ? space : MAX_DESCRIPTION_LENGTH - 1) + "…";
    }
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }

  /** Text as a reader sees it: entities decoded, tags dropped, whitespace collapsed. */
  private static String clean(String raw) {
    String text = Jsoup.parseBodyFragment(raw).text();
    return CONTROL.matcher(text).replaceAll("").strip();
  }

  /** An absolute http(s) URL, resolved against the page; anything else is no URL. */
  private Optional<String> url(String raw) {
    try {
      URI resolved = page.resolve(raw.strip().replace(" ", "%20"));
      String scheme = resolved.getScheme() == null ? "" : resolved.getScheme();
      boolean web = scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https");
      String url = resolved.toString();
      return web && resolved.getHost() != null && url.length() <= MAX_URL_LENGTH
          ? Optional.of(url)
          : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static List<Finding> firstOfEachAttribute(List<Finding> findings) {
    Map<String, Finding> first = new LinkedHashMap<>();
    findings.forEach(finding -> first.putIfAbsent(finding.attribute(), finding));
    return List.copyOf(first.values());
  }

  static String bareHost(String host) {
    String lower = host == null ? "" : host.toLowerCase(Locale.ROOT);
    return lower.startsWith("www.") ? lower.substring(4) : lower;
  }
}
