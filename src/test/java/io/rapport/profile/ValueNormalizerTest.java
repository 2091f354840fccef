package io.rapport.profile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValueNormalizerTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"Acme Corp|Acme Corp", "'  Acme Corp  '|Acme Corp", "Zürich|Zürich"})
  void textIsTrimmed(String raw, String stored) {
    assertThat(ValueNormalizer.normalize(ValueType.TEXT, raw)).contains(stored);
  }

  @Test
  void textMayHaveLineBreaks() {
    assertThat(ValueNormalizer.normalize(ValueType.TEXT, "two\nlines\r\n")).contains("two\nlines");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "nul\u0000inside", "bell\u0007"})
  void textMustBeNonBlankWithoutControlCharacters(String raw) {
    assertThat(ValueNormalizer.normalize(ValueType.TEXT, raw)).isEmpty();
  }

  @Test
  void textMayHaveAThousandCharactersButNoMore() {
    assertThat(ValueNormalizer.normalize(ValueType.TEXT, "x".repeat(1000))).isPresent();
    assertThat(ValueNormalizer.normalize(ValueType.TEXT, "x".repeat(1001))).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "250,250",
    "' 250 ',250",
    "250.00,250",
    "2.5E+2,250",
    "+42,42",
    "-12.50,-12.5",
    "0.000,0",
    "-0,0",
    "0.125,0.125"
  })
  void numbersAreWrittenOneWay(String raw, String stored) {
    assertThat(ValueNormalizer.normalize(ValueType.NUMBER, raw)).contains(stored);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "ten", "1,000", "12 500", "NaN", "Infinity", "0x1F", "1e999999"})
  void numbersMustBeDecimal(String raw) {
    assertThat(ValueNormalizer.normalize(ValueType.NUMBER, raw)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"2024-03-31,2024-03-31", "' 2024-02-29 ',2024-02-29"})
  void datesAreIsoLocalDates(String raw, String stored) {
    assertThat(ValueNormalizer.normalize(ValueType.DATE, raw)).contains(stored);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"2023-02-29", "2024-13-01", "31.03.2024", "2024-3-31", "2024-03-31T10:00", ""})
  void datesMustExistAndBeWrittenYearMonthDay(String raw) {
    assertThat(ValueNormalizer.normalize(ValueType.DATE, raw)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"true,true", "TRUE,true", "' False ',false"})
  void booleansAreLowerCase(String raw, String stored) {
    assertThat(ValueNormalizer.normalize(ValueType.BOOLEAN, raw)).contains(stored);
  }

  @ParameterizedTest
  @ValueSource(strings = {"yes", "1", "t", ""})
  void booleansAreTrueOrFalseOnly(String raw) {
    assertThat(ValueNormalizer.normalize(ValueType.BOOLEAN, raw)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "ada@example.com,ada@example.com",
    "' Ada.Lovelace+news@Example.COM ',Ada.Lovelace+news@example.com",
    "x@sub.example.co.uk,x@sub.example.co.uk",
    "x@example.xn--p1ai,x@example.xn--p1ai"
  })
  void emailDomainsAreLowerCase(String raw, String stored) {
    assertThat(ValueNormalizer.normalize(ValueType.EMAIL, raw)).contains(stored);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ada",
        "ada@",
        "@example.com",
        "ada@example",
        "ada@@example.com",
        "ada lovelace@x.com",
        "ada@exa mple.com",
        "ada@-example.com",
        "ada@example..com",
        "ada@example.123"
      })
  void emailsMustBePlausible(String raw) {
    assertThat(ValueNormalizer.normalize(ValueType.EMAIL, raw)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "https://example.com/,https://example.com/",
    "' HTTPS://example.com/path?q=1 ',https://example.com/path?q=1",
    "http://www.linkedin.com/in/ada,http://www.linkedin.com/in/ada"
  })
  void urlsAreAbsoluteWebAddresses(String raw, String stored) {
    assertThat(ValueNormalizer.normalize(ValueType.URL, raw)).contains(stored);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "example.com",
        "/in/ada",
        "ftp://example.com/",
        "javascript:alert(1)",
        "https://",
        "https:example.com",
        "https://exa mple.com/",
        "mailto:ada@example.com"
      })
  void urlsMustBeAbsoluteHttpOrHttps(String raw) {
    assertThat(ValueNormalizer.normalize(ValueType.URL, raw)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "+4930123456,+4930123456",
    "'+49 30 123456',+4930123456",
    "+1-555-010-9999,+15550109999",
    "'+1 (555) 010.9999',+15550109999"
  })
  void phoneNumbersLoseTheirSeparators(String raw, String stored) {
    assertThat(ValueNormalizer.normalize(ValueType.PHONE, raw)).contains(stored);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"030 123456", "+123456", "+1234567890123456", "+0301234567", "+49 30 CALL ME"})
  void phoneNumbersMustBeE164(String raw) {
    assertThat(ValueNormalizer.normalize(ValueType.PHONE, raw)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"DE,DE", "de,DE", "' us ',US"})
  void countriesAreUpperCaseAlpha2Codes(String raw, String stored) {
    assertThat(ValueNormalizer.normalize(ValueType.COUNTRY, raw)).contains(stored);
  }

  @ParameterizedTest
  @ValueSource(strings = {"XX", "DEU", "Germany", "D", ""})
  void countriesMustBeIsoCodes(String raw) {
    assertThat(ValueNormalizer.normalize(ValueType.COUNTRY, raw)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(ValueType.class)
  void everyTypeDescribesWhatItExpects(ValueType type) {
    assertThat(ValueNormalizer.expectation(type)).isNotBlank();
  }
}
