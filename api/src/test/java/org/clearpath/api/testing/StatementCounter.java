package org.clearpath.api.testing;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Counts the statements the application prepares or creates, by wrapping its data source. Only in
 * tests that set {@code clearpath.test.count-statements}; the count is for the whole application,
 * so read it around a single request while nothing else runs.
 */
@Singleton
@Requires(property = "clearpath.test.count-statements", value = "true")
public class StatementCounter
    implements BeanCreatedEventListener<DataSource>, io.micronaut.core.order.Ordered {
  private static final Set<String> STATEMENTS =
      Set.of("prepareStatement", "createStatement", "prepareCall");
  private final AtomicInteger count = new AtomicInteger();

  @Override
  public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
    // only the pool: the other data sources hand out its connections in the current transaction
    var bean = event.getBean();
    return bean instanceof com.zaxxer.hikari.HikariDataSource ? new Counting(bean) : bean;
  }

  /** Before Micronaut Data wraps the pool in its data source that knows the transaction. */
  @Override
  public int getOrder() {
    return HIGHEST_PRECEDENCE;
  }

  public int count() {
    return count.get();
  }

  /** How many statements {@code work} ran. */
  public int during(Runnable work) {
    var before = count.get();
    work.run();
    return count.get() - before;
  }

  private Connection counted(Connection connection) {
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if (STATEMENTS.contains(method.getName())) {
                count.incrementAndGet();
              }
              try {
                return method.invoke(connection, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  private final class Counting implements DataSource {
    private final DataSource target;

    Counting(DataSource target) {
      this.target = target;
    }

    @Override
    public Connection getConnection() throws SQLException {
      return counted(target.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      return counted(target.getConnection(username, password));
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
      return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
      target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
      target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
      return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws java.sql.SQLFeatureNotSupportedException {
      return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      return type.isInstance(this) ? type.cast(this) : target.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
      return type.isInstance(this) || target.isWrapperFor(type);
    }
  }
}
