package io.firerisk.server;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.firerisk.RiskEngine;
import io.firerisk.VenueFacts;
import io.firerisk.io.InputException;
import io.firerisk.io.VenueReader;
import io.firerisk.io.VenueRecord;
import io.firerisk.ledger.DemoLedger;
import io.firerisk.ledger.Ledger;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The engine, the ledger and the desk's own tables, on one database. The ledger opens its own
 * connection pool (it is a library with no Spring in it); the desk's pool reaches the same database
 * (for H2, the same file by the same URL, so both share it inside this process) for its accounts, its
 * attachments' records and the sessions (Spring Session JDBC). On PostgreSQL several desk instances may
 * share one database: everything they must agree on is in it (README, "Several desk instances").
 */
@Configuration(proxyBeanMethods = false)
@org.springframework.scheduling.annotation.EnableScheduling
class DeskConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(DeskConfiguration.class);
    /** The venues the demo campaign is generated from: risk-rules' bundled sample. */
    static final String SAMPLE = "samples/wanzhou-venues.jsonl";

    /**
     * Settings that are an optional path ({@code firerisk.desk.attachments.directory}): the binder converts a
     * bare {@link Path} with a property editor, which it does not apply inside an {@link Optional}, so without
     * this converter setting the folder stopped the desk at start.
     */
    @Bean
    @ConfigurationPropertiesBinding
    static Converter<String, Optional<Path>> optionalPathSetting() {
        return new Converter<>() {
            @Override
            public Optional<Path> convert(String source) {
                return source.isBlank() ? Optional.empty() : Optional.of(Path.of(source.strip()));
            }
        };
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean(destroyMethod = "close")
    RiskEngine engine(DeskProperties properties) {
        return RiskEngine.builder().campaign(properties.campaign()).build();
    }

    /** Where the H2 file is: the setting, or a new temporary folder for the demo (removed at the end). */
    @Bean(destroyMethod = "delete")
    DatabaseLocation databaseLocation(DeskProperties properties) throws IOException {
        if (properties.demo().enabled()) {
            if (properties.database().postgres()) {
                throw new IllegalStateException("firerisk.desk.demo.enabled generates the demo into a new embedded "
                        + "database; it cannot be combined with firerisk.desk.database.postgres-url");
            }
            Path dir = Files.createTempDirectory("firerisk-desk-demo-");
            return new DatabaseLocation(dir.resolve("ledger"), dir);
        }
        return new DatabaseLocation(properties.database().h2().toAbsolutePath(), null);
    }

    @Bean(destroyMethod = "close")
    Ledger ledger(RiskEngine engine, DeskProperties properties, DatabaseLocation location, Clock clock) {
        DeskProperties.Database db = properties.database();
        Ledger.Builder b = Ledger.builder().campaign(engine).clock(clock).poolSize(db.poolSize());
        if (db.postgres()) {
            b.postgres(db.postgresUrl().get(), db.postgresUser(), db.postgresPassword());
            db.schema().ifPresent(b::schema);
        } else {
            b.h2(location.h2());
        }
        Ledger ledger = b.build();
        if (db.postgres() && properties.attachments().directory().isEmpty()) {
            // Everything else several instances must agree on is in the database; the evidence files are not.
            LOG.warn("evidence files go to a folder on this machine (firerisk.desk.attachments.directory is not set): "
                    + "with several desk instances on one database, set it to a folder they all share");
        }
        if (properties.demo().enabled()) {
            long start = System.nanoTime();
            DemoLedger.Summary s = DemoLedger.generate(ledger, sampleVenues(), properties.demo().seed());
            LOG.info("demo campaign generated: {} venues, {} events in {} ms", s.venues(), s.events(),
                    (System.nanoTime() - start) / 1_000_000);
        }
        return ledger;
    }

    /**
     * The desk's own pool on the ledger's database, its tables migrated by Flyway under a history table
     * of their own ({@code desk_schema_history}), beside the ledger's.
     */
    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DeskProperties properties, DatabaseLocation location, Ledger ledger) {
        DeskProperties.Database db = properties.database();
        HikariConfig config = new HikariConfig();
        if (db.postgres()) {
            config.setJdbcUrl(db.postgresUrl().get());
            config.setUsername(db.postgresUser());
            config.setPassword(db.postgresPassword());
            db.schema().ifPresent(config::setSchema);
        } else {
            // The ledger's own URL (Ledger.Builder#h2): the same database inside this process.
            config.setJdbcUrl("jdbc:h2:file:" + location.h2() + ";WRITE_DELAY=0;LOCK_TIMEOUT=30000");
            config.setUsername("sa");
            config.setPassword("");
        }
        config.setMaximumPoolSize(db.poolSize());
        config.setMinimumIdle(1);
        config.setPoolName("firerisk-desk");
        HikariDataSource pool = new HikariDataSource(config);
        try {
            var flyway = Flyway.configure(DeskConfiguration.class.getClassLoader()).dataSource(pool)
                    .locations("classpath:db/desk").table("desk_schema_history")
                    // The ledger's tables are already there: start the desk's history beside them.
                    .baselineOnMigrate(true).baselineVersion("0");
            if (db.schema().isPresent()) {
                flyway = flyway.schemas(db.schema().get()).defaultSchema(db.schema().get());
            }
            flyway.load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return pool;
    }

    /** The bundled sample's venues, which the demo campaign is generated from. */
    static List<VenueFacts> sampleVenues() {
        InputStream in = DeskConfiguration.class.getClassLoader().getResourceAsStream(SAMPLE);
        if (in == null) {
            throw new IllegalStateException("the bundled sample " + SAMPLE + " is missing (it comes with risk-rules)");
        }
        List<VenueFacts> venues = new ArrayList<>();
        try (VenueReader reader = VenueReader.jsonLines(in, SAMPLE, StandardCharsets.UTF_8, -1)) {
            for (VenueReader.Pending p = reader.next(); p != null; p = reader.next()) {
                VenueRecord r = p.parse();
                if (r instanceof VenueRecord.Parsed parsed) {
                    venues.add(parsed.facts());
                } else {
                    throw new IllegalStateException("the bundled sample has a bad record: " + r);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled sample " + SAMPLE, e);
        } catch (InputException e) {
            throw new IllegalStateException("cannot read the bundled sample " + SAMPLE + ": " + e.getMessage(), e);
        }
        return venues;
    }

    /** The H2 file, and the temporary folder holding it that goes at the end (the demo's), if any. */
    record DatabaseLocation(Path h2, Path temporary) {
        void delete() throws IOException {
            if (temporary == null) {
                return;
            }
            try (Stream<Path> files = Files.walk(temporary)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
