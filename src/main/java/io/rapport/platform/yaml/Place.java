package io.rapport.platform.yaml;

/**
 * Where something was written in a YAML text, such as the import file or a question typed in the
 * console.
 *
 * @param path the way to it from the top of the text, such as {@code applications[1].scopes[0]};
 *     empty for the text as a whole
 * @param line counted from 1; 0 when the problem concerns the whole text
 * @param column counted from 1; 0 when the problem concerns the whole text
 */
public record Place(String path, int line, int column) {

  public static final Place WHOLE_FILE = new Place("", 0, 0);

  /** The place of a key or list item below this one. */
  public String child(String key) {
    return child(path, key);
  }

  /** The path of a key below the path; a key at the top has no dot before it. */
  public static String child(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
