package io.firerisk.server;

import io.firerisk.RiskEngine;
import io.firerisk.ledger.DemoLedger;
import io.firerisk.ledger.Ledger;
import io.firerisk.server.security.DeskAccounts;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Desk instances on PostgreSQL, as a bureau runs them: a schema of its own on the test server (other
 * builds share it), the demo campaign generated into it, then any number of desks started on it, each a
 * whole application on a port of its own. The server comes from {@code FIRERISK_TEST_PG_URL},
 * {@code FIRERISK_TEST_PG_USER} and {@code FIRERISK_TEST_PG_PASSWORD} ({@code .ci/run} sets them), else
 * the local server and role {@code .ci/run} prepares. When it cannot be reached the test FAILS: these tests
 * are the only proof that the desk works on PostgreSQL, so they never skip.
 */
public final class PostgresDesks implements AutoCloseable {

    public static final String URL = env("FIRERISK_TEST_PG_URL", "jdbc:postgresql://localhost:5432/firerisk_test");
    public static final String USER = env("FIRERISK_TEST_PG_USER", "firerisk_test");
    public static final String PASSWORD = env("FIRERISK_TEST_PG_PASSWORD", "firerisk_test");
    /** The day the desks' pages open on, as the demo's do. */
    public static final String AS_OF = "2024-02-05";

    private final String schema = "desk_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    private final Path attachments;
    private final List<ConfigurableApplicationContext> started = new ArrayList<>();

    /** A new schema holding the demo campaign, generated as the demo generates it (same sample, same seed). */
    public PostgresDesks() {
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("create schema " + schema);
        } catch (SQLException e) {
            throw new AssertionError("PostgreSQL is not reachable at " + URL + " as " + USER + " (" + e.getMessage()
                    + "); bash .ci/run installs, starts and prepares it, or set FIRERISK_TEST_PG_URL, "
                    + "FIRERISK_TEST_PG_USER and FIRERISK_TEST_PG_PASSWORD", e);
        }
        try {
            attachments = Files.createTempDirectory("desk-pg-attachments-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (RiskEngine engine = RiskEngine.builder().campaign("wanzhou-2023-winter").build();
             Ledger ledger = Ledger.builder().campaign(engine).postgres(URL, USER, PASSWORD).schema(schema).poolSize(2)
                     .build()) {
            DemoLedger.generate(ledger, DeskConfiguration.sampleVenues(), 2023);
        }
    }

    /**
     * Starts one more desk on the schema, on a free port, with the settings a production desk has (no
     * demo; PostgreSQL; evidence files in a folder every desk of this set shares).
     */
    public ConfigurableApplicationContext start() {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(DeskApplication.class).run(
                "--server.port=0",
                "--firerisk.desk.demo.enabled=false",
                "--firerisk.desk.as-of=" + AS_OF,
                "--firerisk.desk.database.postgres-url=" + URL,
                "--firerisk.desk.database.postgres-user=" + USER,
                "--firerisk.desk.database.postgres-password=" + PASSWORD,
                "--firerisk.desk.database.schema=" + schema,
                "--firerisk.desk.database.pool-size=3",
                "--firerisk.desk.attachments.directory=" + attachments,
                "--spring.jmx.enabled=false");
        synchronized (started) {
            started.add(context);
        }
        return context;
    }

    /** The address a started desk listens on, {@code http://localhost:PORT}. */
    public static String address(ConfigurableApplicationContext desk) {
        return "http://localhost:" + ((WebServerApplicationContext) desk).getWebServer().getPort();
    }

    /** The test accounts of {@link TestAccounts}, created through a desk (they are rows of the shared database). */
    public static void ensureAccounts(ConfigurableApplicationContext desk) {
        TestAccounts.ensure(desk.getBean(DeskAccounts.class), desk.getBean(Ledger.class));
    }

    public String schema() {
        return schema;
    }

    /** Stops every desk started here and drops the schema. */
    @Override
    public void close() {
        synchronized (started) {
            for (ConfigurableApplicationContext c : started) {
                c.close();
            }
            started.clear();
        }
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + schema + " cascade");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop the test schema " + schema, e);
        }
        try (var files = Files.walk(attachments)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
