package io.rapport.profiling;

/**
 * A question to ask now.
 *
 * @param offered the inferred value the question offers to confirm or correct; null when the
 *     attribute is unknown
 */
public record DueQuestion(Question question, String offered) {}
