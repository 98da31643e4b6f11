package io.firerisk.server.security;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.io.Serial;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** A desk account as Spring Security sees it: kept in the session, so serializable and without the hash after login. */
public final class DeskAccount implements UserDetails, CredentialsContainer {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String username;
    private String passwordHash;
    private final DeskRole role;
    private final String unitId;
    private final String personId;
    private final String displayName;
    private final boolean mustChangePassword;
    private final Instant lockedUntil;
    private final Instant now;
    private final boolean disabled;

    DeskAccount(String username, String passwordHash, DeskRole role, String unitId, String personId,
            String displayName, boolean mustChangePassword, Instant lockedUntil, Instant now, boolean disabled) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.role = role;
        this.unitId = unitId;
        this.personId = personId;
        this.displayName = displayName;
        this.mustChangePassword = mustChangePassword;
        this.lockedUntil = lockedUntil;
        this.now = now;
        this.disabled = disabled;
    }

    /** The same account, its password changed: what the session holds from then on. */
    DeskAccount withPasswordChanged() {
        return new DeskAccount(username, null, role, unitId, personId, displayName, false, null, now, disabled);
    }

    public Viewer viewer() {
        return new Viewer(username, displayName, role, Optional.ofNullable(unitId), Optional.ofNullable(personId));
    }

    public DeskRole role() {
        return role;
    }

    /** An account created with a one-time password: only the password page until it is changed. */
    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public String getUsername() {
        return username;
    }

    /** Locked by an administrator until they unlock it. */
    public boolean disabled() {
        return disabled;
    }

    @Override
    public boolean isEnabled() {
        return !disabled;
    }

    @Override
    public boolean isAccountNonLocked() {
        return lockedUntil == null || !lockedUntil.isAfter(now);
    }

    @Override
    public String toString() {
        return "DeskAccount[" + username + ", " + role + (unitId != null ? ", unit " + unitId : "") + "]";
    }
}
