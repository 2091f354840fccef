package io.rapport.enrichment;

import io.rapport.platform.testing.TestApplicationInitializer;
import io.rapport.platform.testing.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Consent for enrichment on PostgreSQL, the production store. */
@SpringBootTest
@ContextConfiguration(initializers = TestApplicationInitializer.class)
class ConsentOnPostgresTest extends ConsentContract {

  @BeforeAll
  static void postgresAnswers() {
    TestDatabases.requirePostgres();
  }

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabases.postgresProperties().forEach((name, value) -> registry.add(name, () -> value));
  }
}
