package app.omnia.support;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements one HTTP request runs, for tests that check a page costs a bounded number of
 * queries. Only requests that carry the {@link #HEADER} are counted, on the thread that serves them (so
 * fan-out, scheduled jobs and every other test are untouched); the server keeps the count under the probe's
 * name. Active in the {@code test} profile only (the benchmark does not pay for it).
 */
@Configuration(proxyBeanMethods = false)
@Profile("test")
public class SqlStatements {

    static final String HEADER = "X-Test-Sql-Probe";
    private static final ThreadLocal<List<String>> CURRENT = new ThreadLocal<>();
    private static final Map<String, List<String>> COUNTS = new ConcurrentHashMap<>();
    /** The statements of the calling test thread's last probe, to show when a bound is exceeded. */
    private static final ThreadLocal<List<String>> LAST = ThreadLocal.withInitial(List::of);
    private static final Set<String> COUNTED = Set.of("prepareStatement", "createStatement", "prepareCall");

    /** GETs a path with a probe and returns how many statements the server ran for it (the response must be 200). */
    public static int countGet(Api as, String path) {
        return count(as, "GET", path, null);
    }

    /** POSTs a JSON body with a probe and returns how many statements the server ran for it (must be 200). */
    public static int countPostJson(Api as, String path, Object body) {
        return countPostJson(as, path, body, Map.of());
    }

    /** {@link #countPostJson(Api, String, Object)} with more request headers (e.g. an Idempotency-Key). */
    public static int countPostJson(Api as, String path, Object body, Map<String, String> headers) {
        return count(as, "POST", path, Api.JSON.writeValueAsString(body), headers);
    }

    private static int count(Api as, String method, String path, String json) {
        return count(as, method, path, json, Map.of());
    }

    private static int count(Api as, String method, String path, String json, Map<String, String> headers) {
        String probe = UUID.randomUUID().toString();
        Map<String, String> withProbe = new java.util.HashMap<>(headers);
        withProbe.put(HEADER, probe);
        Api.Response response = as.send(method, path, json == null ? null : "application/json",
                json == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(json), withProbe);
        org.assertj.core.api.Assertions.assertThat(response.status()).as(response.toString()).isEqualTo(200);
        // The filter records the count as the request ends, which may be just after the client has the body.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            List<String> statements = COUNTS.remove(probe);
            if (statements != null) {
                LAST.set(statements);
                return statements.size();
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("no statement count recorded for " + method + " " + path);
    }

    /** The SQL of the calling thread's last counted request, one line each (for assertion messages). */
    public static String lastStatements() {
        return String.join("\n", LAST.get());
    }

    /** Runs work on this thread and returns how many statements it ran (e.g. one ledger batch, off any request). */
    public static int countHere(Runnable work) {
        List<String> statements = new java.util.ArrayList<>();
        CURRENT.set(statements);
        try {
            work.run();
        } finally {
            CURRENT.remove();
        }
        return statements.size();
    }

    @Bean
    static BeanPostProcessor countingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource ds && !(bean instanceof Counting) ? new Counting(ds) : bean;
            }
        };
    }

    /** Registered first of all filters, so that the credential check (in the security chain) is counted too. */
    @Bean
    FilterRegistrationBean<Filter> sqlProbeFilter() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(probeFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    private static Filter probeFilter() {
        return new Filter() {
            @Override
            public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                    throws IOException, ServletException {
                String probe = request instanceof HttpServletRequest http ? http.getHeader(HEADER) : null;
                if (probe == null) {
                    chain.doFilter(request, response);
                    return;
                }
                List<String> statements = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
                CURRENT.set(statements);
                try {
                    chain.doFilter(request, response);
                } finally {
                    CURRENT.remove();
                    COUNTS.put(probe, List.copyOf(statements));
                }
            }
        };
    }

    /** The pool, with connections that count the statements made on a probed request's thread. */
    static final class Counting extends DelegatingDataSource {

        Counting(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return counting(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return counting(super.getConnection(username, password));
        }

        private static Connection counting(Connection connection) {
            return (Connection) Proxy.newProxyInstance(SqlStatements.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        List<String> statements = CURRENT.get();
                        if (statements != null && COUNTED.contains(method.getName())) {
                            statements.add(args == null || args.length == 0 ? "(statement)"
                                    : String.valueOf(args[0]).replaceAll("\\s+", " ").strip());
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (InvocationTargetException e) {
                            throw e.getTargetException();
                        }
                    });
        }
    }
}
