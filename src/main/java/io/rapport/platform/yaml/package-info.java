/**
 * Reading YAML texts written by people, such as the import file and the questions typed in the
 * console, into values of expected shapes, with every problem at the line and column it was
 * written.
 */
package io.rapport.platform.yaml;
