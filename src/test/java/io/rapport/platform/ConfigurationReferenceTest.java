package io.rapport.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Keeps docs/configuration.md and Rapport's configuration properties in step. */
class ConfigurationReferenceTest {

  private static final Pattern DOCUMENTED = Pattern.compile("`(rapport\\.[a-z0-9.-]+)`");

  @Test
  void everyPropertyIsDocumentedAndEveryDocumentedPropertyExists() throws IOException {
    Set<String> declared = declaredProperties();
    Set<String> documented = documentedProperties();

    assertThat(documented)
        .as("properties missing from docs/configuration.md")
        .containsAll(declared);
    assertThat(declared)
        .as("docs/configuration.md names unknown properties")
        .containsAll(documented);
  }

  private static Set<String> declaredProperties() throws IOException {
    try (InputStream metadata =
        ConfigurationReferenceTest.class.getResourceAsStream(
            "/META-INF/spring-configuration-metadata.json")) {
      assertThat(metadata).as("the configuration processor's metadata").isNotNull();
      JsonNode properties = JsonMapper.builder().build().readTree(metadata).get("properties");
      Set<String> names = new TreeSet<>();
      properties.forEach(property -> names.add(property.get("name").asString()));
      return names;
    }
  }

  private static Set<String> documentedProperties() throws IOException {
    String page = Files.readString(Path.of("docs/configuration.md"));
    Set<String> names = new LinkedHashSet<>();
    Matcher matcher = DOCUMENTED.matcher(page);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }
}
