package org.clearpath.persistence;

import java.util.List;
import org.clearpath.domain.shared.Reach;
import org.clearpath.domain.shared.UserId;

/**
 * A {@link Reach} as SQL: a condition on a counselor column ({@code and …}, or nothing for every
 * case) and its parameters. Written out per kind, not as {@code (? is null or …)}: a prepared
 * statement's generic plan cannot use the counselor's index for that.
 */
public final class Reaches {
  private Reaches() {}

  /** {@code " and <column> = ?"}, {@code " and <column> <> all(?)"} or nothing. */
  public static String condition(Reach reach, String column) {
    return switch (reach) {
      case Reach.Everyone e -> "";
      case Reach.Caseload c -> " and " + column + " = ? ";
      case Reach.AllBut a -> " and " + column + " <> all(?) ";
    };
  }

  /** The condition's parameters: none, the counselor's id, or the ids left out (text[]). */
  public static List<Object> parameters(Reach reach) {
    return switch (reach) {
      case Reach.Everyone e -> List.of();
      case Reach.Caseload c -> List.of(c.counselor().value());
      case Reach.AllBut a ->
          List.of(
              (Object) a.counselors().stream().map(UserId::value).sorted().toArray(String[]::new));
    };
  }

  /** The reach's parameters first, then the others. */
  public static Object[] with(Reach reach, Object... after) {
    var first = parameters(reach);
    var all = new Object[first.size() + after.length];
    for (int i = 0; i < first.size(); i++) {
      all[i] = first.get(i);
    }
    System.arraycopy(after, 0, all, first.size(), after.length);
    return all;
  }
}
