package io.firerisk.server.security;

import io.firerisk.server.DeskProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The desk's accounts ({@code desk_account}): created with a one-time password, never a default one;
 * BCrypt hashes; locked for a while after too many wrong passwords in a row. The counts live in the
 * database, so several desk instances on one database throttle together.
 */
@Service
public class DeskAccounts implements UserDetailsService {

    /** Usernames: letters, digits and . _ - ; at most 64. */
    static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** The shortest password accepted. */
    public static final int MIN_PASSWORD = 12;
    /** One-time passwords: no 0/O, 1/l/I to misread. */
    private static final char[] OTP = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private final JdbcTemplate jdbc;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final DeskProperties.Login login;
    private final SecureRandom random = new SecureRandom();

    DeskAccounts(JdbcTemplate jdbc, PasswordEncoder encoder, Clock clock, DeskProperties properties) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.clock = clock;
        this.login = properties.login();
    }

    @Override
    public DeskAccount loadUserByUsername(String username) {
        return find(username).orElseThrow(() -> new UsernameNotFoundException("no account " + username));
    }

    public Optional<DeskAccount> find(String username) {
        Instant now = clock.instant();
        return jdbc.query("SELECT username, password_hash, role, unit_id, person_id, display_name, must_change, "
                + "locked_until, disabled FROM desk_account WHERE username = ?", (rs, n) -> new DeskAccount(rs.getString(1),
                rs.getString(2), DeskRole.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getBoolean(7), Optional.ofNullable(rs.getTimestamp(8)).map(Timestamp::toInstant).orElse(null), now,
                rs.getBoolean(9)), username).stream().findFirst();
    }

    /**
     * An account as the administration page lists it.
     *
     * @param lockedUntil until when wrong passwords lock it, if they do now
     * @param disabled    locked by an administrator
     */
    public record Listing(String username, String displayName, DeskRole role, Optional<String> unitId,
            Optional<String> personId, boolean mustChange, int failedLogins, Optional<Instant> lockedUntil,
            boolean disabled) {}

    /** Every account, by username. */
    public java.util.List<Listing> list() {
        Instant now = clock.instant();
        return jdbc.query("SELECT username, display_name, role, unit_id, person_id, must_change, failed_logins, "
                + "locked_until, disabled FROM desk_account ORDER BY username", (rs, n) -> new Listing(rs.getString(1),
                rs.getString(2), DeskRole.valueOf(rs.getString(3)), Optional.ofNullable(rs.getString(4)),
                Optional.ofNullable(rs.getString(5)), rs.getBoolean(6), rs.getInt(7),
                Optional.ofNullable(rs.getTimestamp(8)).map(Timestamp::toInstant).filter(t -> t.isAfter(now)),
                rs.getBoolean(9)));
    }

    /**
     * A new one-time password for the account, to be changed at its next login; a lock from wrong
     * passwords is lifted (an administrator's lock is not).
     *
     * @return the one-time password, to hand to its holder
     * @throws IllegalArgumentException when there is no such account
     */
    public String resetPassword(String username) {
        String password = oneTimePassword();
        int n = jdbc.update("UPDATE desk_account SET password_hash = ?, must_change = TRUE, failed_logins = 0, "
                + "locked_until = NULL WHERE username = ?", encoder.encode(password), username);
        if (n != 1) {
            throw new IllegalArgumentException("username: no account " + username);
        }
        return password;
    }

    /**
     * Locks the account until it is unlocked, or unlocks it (also lifting a lock from wrong passwords).
     * A locked account cannot sign in, and a session it holds ends at its next request.
     *
     * @throws IllegalArgumentException when there is no such account
     */
    public void setDisabled(String username, boolean disabled) {
        int n = jdbc.update("UPDATE desk_account SET disabled = ?, failed_logins = 0, locked_until = NULL "
                + "WHERE username = ?", disabled, username);
        if (n != 1) {
            throw new IllegalArgumentException("username: no account " + username);
        }
    }

    /** Whether an administrator has locked the account (or it no longer exists). */
    public boolean disabled(String username) {
        return jdbc.query("SELECT disabled FROM desk_account WHERE username = ?", (rs, n) -> rs.getBoolean(1), username)
                .stream().findFirst().orElse(true);
    }

    public long count() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM desk_account", Long.class);
        return n == null ? 0 : n;
    }

    /**
     * Creates an account with a one-time password, to be changed at the first login.
     *
     * @return the one-time password, to hand to its holder; it is stored only as a hash
     * @throws IllegalArgumentException naming the field when a value is not acceptable, or the username is taken
     */
    public String create(String username, DeskRole role, Optional<String> unitId, Optional<String> personId,
            String displayName) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("username: letters, digits and . _ - only, 1 to 64 of them (was \""
                    + username + "\")");
        }
        if (role == DeskRole.UNIT_OFFICER && unitId.isEmpty()) {
            throw new IllegalArgumentException("unitId: a unit officer's account names their unit");
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 200) {
            throw new IllegalArgumentException("displayName: 1 to 200 characters");
        }
        if (find(username).isPresent()) {
            throw new IllegalArgumentException("username: an account named " + username + " exists already");
        }
        String password = oneTimePassword();
        jdbc.update("INSERT INTO desk_account (username, password_hash, role, unit_id, person_id, display_name, "
                        + "must_change, failed_logins, created_at) VALUES (?, ?, ?, ?, ?, ?, TRUE, 0, ?)",
                username, encoder.encode(password), role.name(), unitId.orElse(null), personId.orElse(null),
                displayName, Timestamp.from(clock.instant()));
        return password;
    }

    /**
     * Sets a new password chosen by the account's holder.
     *
     * @throws IllegalArgumentException when the password is too short or is the username
     */
    public void changePassword(String username, String newPassword) {
        checkNewPassword(username, newPassword);
        int n = jdbc.update("UPDATE desk_account SET password_hash = ?, must_change = FALSE, failed_logins = 0, "
                + "locked_until = NULL WHERE username = ?", encoder.encode(newPassword), username);
        if (n != 1) {
            throw new IllegalArgumentException("username: no account " + username);
        }
    }

    /** Whether {@code password} is the account's current one. */
    public boolean passwordMatches(String username, String password) {
        return jdbc.query("SELECT password_hash FROM desk_account WHERE username = ?", (rs, n) -> rs.getString(1),
                username).stream().findFirst().map(hash -> encoder.matches(password, hash)).orElse(false);
    }

    static void checkNewPassword(String username, String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new IllegalArgumentException("password: at least " + MIN_PASSWORD + " characters");
        }
        if (password.length() > 72) {
            // BCrypt reads only the first 72 bytes: a longer one would not mean what its holder thinks.
            throw new IllegalArgumentException("password: at most 72 characters");
        }
        if (password.equalsIgnoreCase(username)) {
            throw new IllegalArgumentException("password: not the username");
        }
    }

    /** A wrong password for an existing account: after too many in a row, it is locked for a while. */
    void failed(String username) {
        Instant lockUntil = clock.instant().plus(login.lockFor());
        jdbc.update("UPDATE desk_account SET failed_logins = failed_logins + 1 WHERE username = ?", username);
        jdbc.update("UPDATE desk_account SET locked_until = ?, failed_logins = 0 WHERE username = ? AND failed_logins >= ?",
                Timestamp.from(lockUntil), username, login.maxFailures());
    }

    /** A successful login: the count of wrong passwords starts again. */
    void succeeded(String username) {
        jdbc.update("UPDATE desk_account SET failed_logins = 0, locked_until = NULL WHERE username = ?", username);
    }

    private String oneTimePassword() {
        StringBuilder b = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            b.append(OTP[random.nextInt(OTP.length)]);
        }
        return b.toString();
    }
}
