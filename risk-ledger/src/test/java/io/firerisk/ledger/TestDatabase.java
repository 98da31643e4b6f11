package io.firerisk.ledger;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A database of its own for one test: an H2 file in a fresh folder, or a PostgreSQL schema with a
 * unique name (other engineers' builds share the server), dropped afterwards.
 *
 * <p>PostgreSQL comes from {@code FIRERISK_TEST_PG_URL}, {@code FIRERISK_TEST_PG_USER} and
 * {@code FIRERISK_TEST_PG_PASSWORD} (set by {@code .ci/run}), else a local server with the role and
 * database {@code .ci/run} creates. When it cannot be reached the test fails under {@code CI=true}
 * and is skipped, with the reason, elsewhere.
 */
abstract class TestDatabase implements AutoCloseable {

    @Override
    public abstract void close();

    abstract Ledger.Builder configure(Ledger.Builder builder);

    abstract String name();

    /** A second, independent connection description to the same database (for a child process). */
    abstract String[] args();

    static TestDatabase h2() {
        return new H2();
    }

    static TestDatabase postgres() {
        return new Postgres();
    }

    static TestDatabase of(String kind) {
        return kind.equals("postgres") ? postgres() : h2();
    }

    static final class H2 extends TestDatabase {
        final Path dir;
        final Path file;

        H2() {
            try {
                dir = Files.createTempDirectory("ledger-h2-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            file = dir.resolve("ledger");
        }

        @Override
        Ledger.Builder configure(Ledger.Builder builder) {
            return builder.h2(file);
        }

        @Override
        String name() {
            return "H2 " + file;
        }

        @Override
        String[] args() {
            return new String[] {"h2", file.toString()};
        }

        @Override
        public void close() {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static final class Postgres extends TestDatabase {
        static final String URL = env("FIRERISK_TEST_PG_URL", "jdbc:postgresql://localhost:5432/firerisk_test");
        static final String USER = env("FIRERISK_TEST_PG_USER", "firerisk_test");
        static final String PASSWORD = env("FIRERISK_TEST_PG_PASSWORD", "firerisk_test");
        final String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);

        Postgres() {
            try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
                s.execute("create schema " + schema);
            } catch (SQLException e) {
                String why = "PostgreSQL is not reachable at " + URL + " as " + USER + " (" + e.getMessage()
                        + "); bash .ci/run installs, starts and prepares it";
                if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                    throw new AssertionError(why, e);
                }
                Assumptions.abort(why);
            }
        }

        private static String env(String name, String fallback) {
            String v = System.getenv(name);
            return v == null || v.isBlank() ? fallback : v;
        }

        @Override
        Ledger.Builder configure(Ledger.Builder builder) {
            return builder.postgres(URL, USER, PASSWORD).schema(schema);
        }

        @Override
        String name() {
            return "PostgreSQL " + URL + " schema " + schema;
        }

        @Override
        String[] args() {
            return new String[] {"postgres", URL, USER, PASSWORD, schema};
        }

        @Override
        public void close() {
            try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
                s.execute("drop schema if exists " + schema + " cascade");
            } catch (SQLException e) {
                throw new IllegalStateException("could not drop test schema " + schema, e);
            }
        }
    }
}
