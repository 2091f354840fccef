package io.rapport.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TestDatabasesTest {

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void databaseIsMigratedAndEmpty(TestDatabase database) {
    assertThat(database.jdbc().sql("SELECT COUNT(*) FROM user_account").query(Long.class).single())
        .isZero();
    assertThat(
            database
                .jdbc()
                .sql("SELECT COUNT(*) FROM attribute WHERE builtin = true")
                .query(Long.class)
                .single())
        .isEqualTo(27);
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void databaseIsNamedAfterItsProduct(TestDatabase database) throws SQLException {
    try (Connection connection = database.dataSource().getConnection()) {
      assertThat(connection.getMetaData().getDatabaseProductName().toLowerCase())
          .isEqualTo(database.name());
    }
  }

  @Test
  void eachDatabaseIsSeparate() {
    try (TestDatabase first = TestDatabases.h2();
        TestDatabase second = TestDatabases.h2()) {
      first.jdbc().sql("DELETE FROM attribute_label").update();

      assertThat(
              second.jdbc().sql("SELECT COUNT(*) FROM attribute_label").query(Long.class).single())
          .isEqualTo(54);
    }
  }

  @Test
  void postgresSchemaIsDroppedOnClose() {
    TestDatabase database = TestDatabases.postgresql();
    String schema = database.jdbc().sql("SELECT current_schema()").query(String.class).single();

    database.close();

    try (TestDatabase other = TestDatabases.postgresql()) {
      assertThat(
              other
                  .jdbc()
                  .sql("SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = ?")
                  .param(schema)
                  .query(Long.class)
                  .single())
          .isZero();
    }
  }

  @Test
  void closedDatabaseCannotBeUsed() {
    TestDatabase database = TestDatabases.h2();
    database.jdbc();
    database.close();
    database.close();

    assertThatIllegalStateException().isThrownBy(database::dataSource);
  }
}
