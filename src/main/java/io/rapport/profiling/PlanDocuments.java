package io.rapport.profiling;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON documents a plan is stored as: one per question and one for the policy. Field names are
 * those of the records; enums are stored by name.
 */
final class PlanDocuments {

  private static final JsonMapper JSON =
      JsonMapper.builder()
          .changeDefaultPropertyInclusion(
              inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
          .build();

  private PlanDocuments() {}

  static String write(Object document) {
    return JSON.writeValueAsString(document);
  }

  static Question question(String json) {
    return read(json, Question.class);
  }

  static Policy policy(String json) {
    return read(json, Policy.class);
  }

  private static <T> T read(String json, Class<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (JacksonException e) {
      throw new IllegalStateException(
          "A stored "
              + type.getSimpleName()
              + " document cannot be read: "
              + e.getOriginalMessage(),
          e);
    }
  }
}
