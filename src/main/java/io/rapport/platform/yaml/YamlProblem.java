package io.rapport.platform.yaml;

/**
 * One thing wrong with the shape of a YAML text, at the place it was written.
 *
 * @param reason what is wrong, naming the value as it is written, never a variable's value
 */
public record YamlProblem(Place place, String reason) {}
