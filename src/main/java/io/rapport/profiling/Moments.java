package io.rapport.profiling;

import java.util.regex.Pattern;

/**
 * The moments at which questions may be asked: {@value #SIGNUP}, {@value #LOGIN}, or a name an
 * application raises, such as {@code purchase}.
 */
public final class Moments {

  public static final String SIGNUP = "signup";
  public static final String LOGIN = "login";

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,39}");

  private Moments() {}

  /** Whether the text can name a moment: a lower-case letter, then up to 39 of a-z, 0-9, _ or -. */
  public static boolean isValidName(String name) {
    return name != null && NAME.matcher(name).matches();
  }
}
