package org.clearpath.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.TreeMap;
import org.clearpath.domain.shared.Message;

/**
 * A {@link Message} in two columns: its code (text) and its parameters (jsonb of strings). Written
 * with {@link #VALUES} and bound with {@link #parameters}; read with {@link #select} and {@link
 * #read}.
 */
public final class MessageColumns {
  private MessageColumns() {}

  /** The placeholders for code and parameters in an insert. */
  public static final String VALUES = "?, jsonb_object(?::text[], ?::text[])";

  /** What {@link #VALUES} binds, in its order: the code, the parameters' keys and values. */
  public static Object[] parameters(Message message) {
    var keys = message.params().keySet().stream().sorted().toArray(String[]::new);
    var values = java.util.Arrays.stream(keys).map(message.params()::get).toArray(String[]::new);
    return new Object[] {message.code(), keys, values};
  }

  /** The select expressions for a message kept in {@code code} and {@code params}. */
  public static String select(String code, String params, String alias) {
    return code
        + " as "
        + alias
        + "_code, (select array_agg(key order by key) from jsonb_each_text("
        + params
        + ")) as "
        + alias
        + "_keys, (select array_agg(value order by key) from jsonb_each_text("
        + params
        + ")) as "
        + alias
        + "_values";
  }

  public static Message read(ResultSet row, String alias) throws SQLException {
    var code = row.getString(alias + "_code");
    var keys = row.getArray(alias + "_keys");
    var params = new TreeMap<String, String>();
    if (keys != null) {
      var names = (String[]) keys.getArray();
      var values = (String[]) row.getArray(alias + "_values").getArray();
      for (int i = 0; i < names.length; i++) {
        params.put(names[i], values[i]);
      }
    }
    return new Message(code, params);
  }
}
