package org.clearpath.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import org.clearpath.domain.shared.Message;

/**
 * A {@link Message} in two columns: its code (text) and its parameters (jsonb of strings). Written
 * with {@link #VALUES} and bound with {@link #parameters}; read with {@link #select} and {@link
 * #read}. Any other jsonb of strings (an audit entry's details) goes the same way through {@link
 * #STRINGS}, {@link #strings(Map)}, {@link #selectStrings} and {@link #readStrings}.
 */
public final class MessageColumns {
  private MessageColumns() {}

  /** The placeholder of a jsonb of strings in an insert, bound as its keys and values. */
  public static final String STRINGS = "jsonb_object(?::text[], ?::text[])";

  /** The placeholders for code and parameters in an insert. */
  public static final String VALUES = "?, " + STRINGS;

  /** What {@link #VALUES} binds, in its order: the code, the parameters' keys and values. */
  public static Object[] parameters(Message message) {
    var strings = strings(message.params());
    return new Object[] {message.code(), strings[0], strings[1]};
  }

  /** What {@link #STRINGS} binds: the keys in order, and their values. */
  public static String[][] strings(Map<String, String> map) {
    var keys = map.keySet().stream().sorted().toArray(String[]::new);
    var values = java.util.Arrays.stream(keys).map(map::get).toArray(String[]::new);
    return new String[][] {keys, values};
  }

  /** The select expressions for a message kept in {@code code} and {@code params}. */
  public static String select(String code, String params, String alias) {
    return code + " as " + alias + "_code, " + selectStrings(params, alias);
  }

  /** The select expressions for a jsonb of strings kept in {@code column}. */
  public static String selectStrings(String column, String alias) {
    return "(select array_agg(key order by key) from jsonb_each_text("
        + column
        + ")) as "
        + alias
        + "_keys, (select array_agg(value order by key) from jsonb_each_text("
        + column
        + ")) as "
        + alias
        + "_values";
  }

  public static Message read(ResultSet row, String alias) throws SQLException {
    return new Message(row.getString(alias + "_code"), readStrings(row, alias));
  }

  /**
   * A jsonb of strings selected with {@link #selectStrings}; a value that is JSON null (never
   * written by the app) is left out.
   */
  public static Map<String, String> readStrings(ResultSet row, String alias) throws SQLException {
    var keys = row.getArray(alias + "_keys");
    var strings = new TreeMap<String, String>();
    if (keys != null) {
      var names = (String[]) keys.getArray();
      var values = (String[]) row.getArray(alias + "_values").getArray();
      for (int i = 0; i < names.length; i++) {
        if (values[i] != null) {
          strings.put(names[i], values[i]);
        }
      }
    }
    return strings;
  }
}
