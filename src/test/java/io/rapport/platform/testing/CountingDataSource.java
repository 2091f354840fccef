package io.rapport.platform.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A data source that records every SQL statement executed through it, for tests that prove how many
 * round trips an operation costs. Only executions count: preparing a statement does not.
 */
public final class CountingDataSource extends DelegatingDataSource {

  private static final Set<String> EXECUTIONS =
      Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "executeBatch");

  private final List<String> executed = new ArrayList<>();

  public CountingDataSource(DataSource target) {
    super(target);
  }

  @Override
  public Connection getConnection() throws SQLException {
    return proxy(Connection.class, super.getConnection(), this::connectionCall);
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return proxy(Connection.class, super.getConnection(username, password), this::connectionCall);
  }

  /** The statements executed since creation or the last {@link #reset()}, in order. */
  public synchronized List<String> executed() {
    return List.copyOf(executed);
  }

  public synchronized int count() {
    return executed.size();
  }

  public synchronized void reset() {
    executed.clear();
  }

  private synchronized void record(String sql) {
    executed.add(sql);
  }

  private Object connectionCall(Object connection, Method method, Object[] args) throws Throwable {
    Object result = invoke(connection, method, args);
    if (result instanceof Statement statement && method.getReturnType().isInterface()) {
      String preparedSql = args != null && args.length > 0 ? String.valueOf(args[0]) : null;
      return proxy(
          method.getReturnType(),
          statement,
          (target, call, callArgs) -> statementCall(target, call, callArgs, preparedSql));
    }
    return result;
  }

  private Object statementCall(Object statement, Method method, Object[] args, String preparedSql)
      throws Throwable {
    if (EXECUTIONS.contains(method.getName())) {
      boolean sqlGiven = args != null && args.length > 0 && args[0] instanceof String;
      record(sqlGiven ? (String) args[0] : preparedSql);
    }
    return invoke(statement, method, args);
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static <T> T proxy(Class<T> type, Object target, Handler handler) {
    InvocationHandler invocation = (proxy, method, args) -> handler.handle(target, method, args);
    return type.cast(
        Proxy.newProxyInstance(
            CountingDataSource.class.getClassLoader(), new Class<?>[] {type}, invocation));
  }

  /** An invocation handler that is given the proxied object instead of the proxy. */
  @FunctionalInterface
  private interface Handler {
    Object handle(Object target, Method method, Object[] args) throws Throwable;
  }
}
