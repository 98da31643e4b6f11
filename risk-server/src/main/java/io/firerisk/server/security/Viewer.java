package io.firerisk.server.security;

import io.firerisk.ledger.HazardQuery;

import java.util.Optional;
import java.util.Set;

/**
 * Who is looking: the signed-in account, its role and, for a unit officer, the one unit whose venues
 * and hazards they may see. Every read of the ledger goes through {@link #scope} or {@link #maySee}.
 *
 * @param username    the account
 * @param displayName its name to show
 * @param role        its role
 * @param unitId      the unit of a unit officer (other roles: empty)
 * @param personId    the person in the ledger's directory the account acts as, if linked
 */
public record Viewer(String username, String displayName, DeskRole role, Optional<String> unitId,
        Optional<String> personId) {

    /**
     * The query narrowed to what this viewer may see: a unit officer's to their unit. Only for a query
     * that names no unit itself (values within a filter combine with OR, so a unit named in the query
     * would widen it); for units asked for, see {@link #units}.
     */
    public HazardQuery.Builder scope(HazardQuery.Builder query) {
        if (role == DeskRole.UNIT_OFFICER) {
            query.units(unitId.orElseThrow());
        }
        return query;
    }

    /**
     * The units a list may show when the address asks for {@code requested} (empty: any): for a unit
     * officer, their own unit if asked for or if none was, else none at all; for the others, what was
     * asked.
     */
    public Set<String> units(Set<String> requested) {
        if (role != DeskRole.UNIT_OFFICER) {
            return Set.copyOf(requested);
        }
        String own = unitId.orElseThrow();
        return requested.isEmpty() || requested.contains(own) ? Set.of(own) : Set.of();
    }

    /** Whether this viewer may see the venues of {@code unit}. */
    public boolean maySee(String unit) {
        return role != DeskRole.UNIT_OFFICER || unitId.orElseThrow().equals(unit);
    }

    /** Whether this viewer only reads (a leader). */
    public boolean readOnly() {
        return role == DeskRole.LEADER;
    }
}
