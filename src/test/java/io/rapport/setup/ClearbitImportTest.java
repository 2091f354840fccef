package io.rapport.setup;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.enrichment.ProviderSettings;
import io.rapport.enrichment.Providers;
import io.rapport.platform.testing.RapportAppTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The import file's form of the issue for clearbit and hunter, read with the real provider types.
 */
@RapportAppTest
class ClearbitImportTest {

  @Autowired Providers providers;

  @Test
  void theIssuesClearbitAndHunterEntriesAreRead() {
    ImportFileReader reader =
        new ImportFileReader(
            new VariableExpander(
                Map.of("CLEARBIT_API_KEY", "sk_clearbit_0123", "HUNTER_API_KEY", "hk_4567")::get),
            providers.types());

    ImportPlan plan =
        reader.parse(
            "rapport.yaml",
            """
            enrichment:
              providers:
                - type: email-domain
                - type: website
                - type: clearbit
                  api-key: ${CLEARBIT_API_KEY}
                  base-url: https://person.clearbit.com   # settable, for a staging or mock endpoint
                  requests-per-minute: 600
                - type: hunter
                  api-key: ${HUNTER_API_KEY}
            """);

    assertThat(plan.providers().providers())
        .extracting(
            ProviderSettings::id,
            ProviderSettings::baseUrl,
            ProviderSettings::apiKey,
            ProviderSettings::requestsPerMinute)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("email-domain", null, null, 0),
            org.assertj.core.groups.Tuple.tuple("website", null, null, 0),
            org.assertj.core.groups.Tuple.tuple(
                "clearbit", "https://person.clearbit.com", "sk_clearbit_0123", 600),
            org.assertj.core.groups.Tuple.tuple("hunter", null, "hk_4567", 0));
  }
}
