package org.clearpath.api.web;

/**
 * Which part of Clearpath a request's path is in. The app's filters match every path ({@code /**})
 * and ask this instead of an Ant pattern: the router then keeps them in one list sorted once at
 * start, where a pattern of their own would have it match and sort them again for every request.
 */
public final class Paths {
  private Paths() {}

  /** {@code path} is {@code prefix} itself or below it ({@code /api}, {@code /api/…}). */
  public static boolean isUnder(String path, String prefix) {
    return path.startsWith(prefix)
        && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
  }

  /** The JSON API. */
  public static boolean isApi(String path) {
    return isUnder(path, "/api");
  }
}
