package org.clearpath.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.TreeMap;
import org.clearpath.domain.shared.Message;

/**
 * A {@link Message} in two columns: its code (text) and its parameters (jsonb of strings). Written
 * with {@link #VALUES} and bound by {@link #bind}; read with {@link #select} and {@link #read}.
 */
public final class MessageColumns {
  private MessageColumns() {}

  /** The placeholders for code and parameters in an insert. */
  public static final String VALUES = "?, jsonb_object(?::text[], ?::text[])";

  /** Binds code and parameters from {@code index} on (three placeholders). */
  public static int bind(PreparedStatement statement, int index, Message message)
      throws SQLException {
    var keys = message.params().keySet().stream().sorted().toList();
    var values = keys.stream().map(message.params()::get).toList();
    var connection = statement.getConnection();
    statement.setString(index, message.code());
    statement.setArray(index + 1, connection.createArrayOf("text", keys.toArray()));
    statement.setArray(index + 2, connection.createArrayOf("text", values.toArray()));
    return index + 3;
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
