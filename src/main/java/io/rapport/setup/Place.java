package io.rapport.setup;

/**
 * Where something was written in the import file.
 *
 * @param path the way to it from the top of the file, such as {@code applications[1].scopes[0]};
 *     empty for the file as a whole
 * @param line counted from 1; 0 when the problem concerns the whole file
 * @param column counted from 1; 0 when the problem concerns the whole file
 */
record Place(String path, int line, int column) {

  static final Place WHOLE_FILE = new Place("", 0, 0);

  /** The place of a key or list item below this one. */
  String child(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
