package org.clearpath.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The two logins of a Clearpath database, set up by a superuser (the local stack's launcher, the
 * test server, an operator following the README):
 *
 * <ul>
 *   <li>the <b>owner</b> owns the database and every object in it; Flyway migrates as the owner
 *       ({@code flyway.datasources.default.user});
 *   <li>the app's <b>runtime</b> login ({@code datasources.default.username}) owns nothing and is a
 *       member of {@value #RUNTIME_GROUP}, which the migrations' {@code afterMigrate.sql} grants
 *       only what the app needs: it reads and writes the working tables, and only reads and adds to
 *       the append-only ones. It can alter, drop or truncate no table and drop no trigger.
 * </ul>
 *
 * Idempotent: run at every start, it sets the passwords again and hands the owner whatever another
 * role still owns (an install from before the split, where everything was the superuser's).
 */
public final class DatabaseRoles {
  /** The group the runtime login is a member of; {@code afterMigrate.sql} grants to it. */
  public static final String RUNTIME_GROUP = "clearpath_runtime";

  private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  /** A login: a role name (lower case, digits, underscores) and its password. */
  public record Login(String user, String password) {
    public Login {
      Objects.requireNonNull(password, "password");
      if (!NAME.matcher(Objects.requireNonNull(user, "user")).matches()) {
        throw new IllegalArgumentException(
            "a role name is lower-case letters, digits and underscores: " + user);
      }
      if (user.equals(RUNTIME_GROUP)) {
        throw new IllegalArgumentException(RUNTIME_GROUP + " is the group, not a login");
      }
    }

    @Override
    public String toString() {
      return "Login[" + user + "]";
    }
  }

  private DatabaseRoles() {}

  /**
   * Creates or updates both logins and the group, makes {@code owner} the owner of {@code database}
   * and of everything in its {@code public} schema. {@code superuser} is connected to {@code
   * database} as a superuser.
   */
  public static void prepare(Connection superuser, String database, Login owner, Login runtime)
      throws SQLException {
    if (!NAME.matcher(database).matches()) {
      throw new IllegalArgumentException("not a plain database name: " + database);
    }
    if (owner.user().equals(runtime.user())) {
      throw new IllegalArgumentException("the owner and the runtime login must differ");
    }
    try (var statement = superuser.createStatement()) {
      statement.execute(
          """
          do $$
          begin
              if not exists (select 1 from pg_roles where rolname = '%1$s') then
                  create role %1$s nologin;
              end if;
              if not exists (select 1 from pg_roles where rolname = '%2$s') then
                  create role %2$s login;
              end if;
              if not exists (select 1 from pg_roles where rolname = '%3$s') then
                  create role %3$s login;
              end if;
          end;
          $$"""
              .formatted(RUNTIME_GROUP, owner.user(), runtime.user()));
      statement.execute(
          "alter role %s login nosuperuser nocreaterole nocreatedb password %s"
              .formatted(owner.user(), literal(owner.password())));
      statement.execute(
          "alter role %s login nosuperuser nocreaterole nocreatedb inherit password %s"
              .formatted(runtime.user(), literal(runtime.password())));
      statement.execute("grant %s to %s".formatted(RUNTIME_GROUP, runtime.user()));
      statement.execute("alter database %s owner to %s".formatted(database, owner.user()));
      statement.execute("revoke create on schema public from public");
      statement.execute(handOver(owner.user()));
    }
  }

  /** Gives {@code owner} every table, view, sequence, routine and type of {@code public}. */
  private static String handOver(String owner) {
    return """
        do $$
        declare
            r record;
        begin
            -- tables take their indexes, triggers and column sequences with them
            for r in select c.oid::regclass as name from pg_class c
                     join pg_namespace n on n.oid = c.relnamespace
                     where n.nspname = 'public' and c.relkind in ('r', 'p')
                       and pg_get_userbyid(c.relowner) <> '%1$s'
            loop
                execute format('alter table %%s owner to %1$s', r.name);
            end loop;
            for r in select c.oid::regclass as name, c.relkind from pg_class c
                     join pg_namespace n on n.oid = c.relnamespace
                     where n.nspname = 'public' and c.relkind in ('v', 'm', 'S')
                       and pg_get_userbyid(c.relowner) <> '%1$s'
                       and not exists (select 1 from pg_depend d where d.objid = c.oid
                                       and d.deptype in ('a', 'i', 'e'))
            loop
                execute format('alter %%s %%s owner to %1$s',
                               case r.relkind when 'v' then 'view'
                                              when 'm' then 'materialized view'
                                              else 'sequence' end, r.name);
            end loop;
            for r in select p.oid::regprocedure as name from pg_proc p
                     join pg_namespace n on n.oid = p.pronamespace
                     where n.nspname = 'public' and pg_get_userbyid(p.proowner) <> '%1$s'
                       and not exists (select 1 from pg_depend d where d.objid = p.oid
                                       and d.deptype = 'e')
            loop
                execute format('alter routine %%s owner to %1$s', r.name);
            end loop;
            for r in select t.oid::regtype as name from pg_type t
                     join pg_namespace n on n.oid = t.typnamespace
                     where n.nspname = 'public' and t.typtype in ('e', 'd', 'r', 'm')
                       and pg_get_userbyid(t.typowner) <> '%1$s'
            loop
                execute format('alter type %%s owner to %1$s', r.name);
            end loop;
        end;
        $$"""
        .formatted(owner);
  }

  /**
   * The app's settings for a database set up so: the data source is the runtime login, and Flyway
   * migrates through a connection of its own as the owner (a migration on the data source would run
   * as the runtime login, which may not even read the migrations' history).
   */
  public static Map<String, String> micronautProperties(
      String jdbcUrl, Login owner, Login runtime) {
    return Map.ofEntries(
        Map.entry("datasources.default.url", jdbcUrl),
        Map.entry("datasources.default.username", runtime.user()),
        Map.entry("datasources.default.password", runtime.password()),
        Map.entry("flyway.datasources.default.enabled", "false"),
        Map.entry("flyway.datasources.owner.enabled", "true"),
        Map.entry("flyway.datasources.owner.url", jdbcUrl),
        Map.entry("flyway.datasources.owner.user", owner.user()),
        Map.entry("flyway.datasources.owner.password", owner.password()));
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
