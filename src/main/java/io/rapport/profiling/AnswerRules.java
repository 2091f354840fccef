package io.rapport.profiling;

import java.math.BigDecimal;

/**
 * What an answer must be, checked on the server whatever the page sends. Absent limits do not
 * apply.
 *
 * @param required whether the question must be answered when shown; gates always must
 * @param minLength the fewest characters of a typed answer
 * @param maxLength the most characters of a typed answer
 * @param min the smallest number accepted
 * @param max the largest number accepted
 * @param pattern a Java regular expression the whole typed answer must match
 */
public record AnswerRules(
    boolean required,
    Integer minLength,
    Integer maxLength,
    BigDecimal min,
    BigDecimal max,
    String pattern) {

  public static final AnswerRules NONE = new AnswerRules(false, null, null, null, null, null);
}
