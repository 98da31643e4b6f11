package io.firerisk.server;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The desk's settings ({@code firerisk.desk.*}).
 *
 * @param campaign the campaign the ledger belongs to
 * @param asOf     the date pages open on when the address names none; empty for today. A campaign that has
 *                 ended is best shown on a day inside it (the demo does so).
 * @param database where the ledger and the desk's own tables live
 * @param demo     fill a new, throw-away embedded database with the demo campaign at start
 * @param login    how many wrong passwords lock an account, and for how long
 * @param attachments where uploaded evidence files are kept, and how large one may be
 * @param dashboard  how old a dashboard of today may be when it is shown
 */
@ConfigurationProperties("firerisk.desk")
public record DeskProperties(
        @DefaultValue("wanzhou-2023-winter") String campaign,
        Optional<LocalDate> asOf,
        @DefaultValue Database database,
        @DefaultValue Demo demo,
        @DefaultValue Login login,
        @DefaultValue Attachments attachments,
        @DefaultValue DashboardFreshness dashboard) {

    public DeskProperties {
        asOf = asOf == null ? Optional.empty() : asOf;
    }

    /**
     * Uploaded evidence (photos of a rectification, documents).
     *
     * @param directory where the files are kept, outside the web root, under random names; empty: the
     *                  folder {@code firerisk-attachments} in the working directory, or for the demo a
     *                  temporary folder removed when the desk stops
     * @param maxSize   the largest file accepted (the ledger itself accepts references to at most 50 MB)
     * @param unclaimedFor how long a file uploaded ahead of its submission ({@code POST /api/venues/{id}/attachments})
     *                  is kept while no recorded event names it: after that it is removed, file and row. A
     *                  submission may name an upload only within half this time, so that nothing it names is
     *                  removed under it
     */
    public record Attachments(Optional<Path> directory, @DefaultValue("10MB") DataSize maxSize,
            @DefaultValue("24h") java.time.Duration unclaimedFor) {
        public Attachments {
            directory = directory == null ? Optional.empty() : directory;
            if (unclaimedFor.compareTo(java.time.Duration.ofMinutes(10)) < 0) {
                throw new IllegalArgumentException("firerisk.desk.attachments.unclaimed-for must be at least 10 minutes "
                        + "(was " + unclaimedFor + ")");
            }
            if (maxSize.toBytes() < 1 || maxSize.toBytes() > io.firerisk.ledger.Evidence.MAX_BYTES) {
                throw new IllegalArgumentException("firerisk.desk.attachments.max-size must be 1 byte to "
                        + io.firerisk.ledger.Evidence.MAX_BYTES + " bytes (was " + maxSize + ")");
            }
        }
    }

    /**
     * The database: an embedded H2 file ({@code h2}, the default) unless {@code postgresUrl} is set.
     *
     * @param h2               the H2 file, without {@code .mv.db}
     * @param postgresUrl      such as {@code jdbc:postgresql://localhost:5432/firerisk}
     * @param postgresUser     its user
     * @param postgresPassword its password (give it through the environment: {@code FIRERISK_DESK_DATABASE_POSTGRESPASSWORD})
     * @param schema           a PostgreSQL schema of its own, if wanted
     * @param poolSize         connections each pool keeps
     */
    public record Database(
            @DefaultValue("firerisk-desk") Path h2,
            Optional<String> postgresUrl,
            @DefaultValue("firerisk") String postgresUser,
            @DefaultValue("") String postgresPassword,
            Optional<String> schema,
            @DefaultValue("10") int poolSize) {

        public Database {
            postgresUrl = postgresUrl == null ? Optional.empty() : postgresUrl.filter(u -> !u.isBlank());
            schema = schema == null ? Optional.empty() : schema.filter(u -> !u.isBlank());
            postgresPassword = postgresPassword == null ? "" : postgresPassword;
        }

        public boolean postgres() {
            return postgresUrl.isPresent();
        }
    }

    /**
     * @param enabled generate the demo campaign into a new temporary H2 database at start
     * @param seed    its random seed
     */
    public record Demo(@DefaultValue("false") boolean enabled, @DefaultValue("2023") long seed) {}

    /**
     * @param maxFailures wrong passwords in a row that lock an account
     * @param lockFor     how long it stays locked
     */
    public record Login(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration lockFor) {}

    /**
     * A dashboard of today: every recording moves today's figures, and counting them again takes a pass over every
     * hazard, so the desk shows the last one built while it is at most this old (the page says when its figures were
     * computed) and builds the next in the background, one at a time. Past dates are always exact.
     *
     * @param maxStaleness how old a dashboard of today may be; 0 counts afresh after every recording
     */
    public record DashboardFreshness(@DefaultValue("0s") Duration maxStaleness) {
        public DashboardFreshness {
            if (maxStaleness.isNegative()) {
                throw new IllegalArgumentException("firerisk.desk.dashboard.max-staleness must not be negative (was "
                        + maxStaleness + ")");
            }
        }
    }
}
