package io.firerisk;

import java.util.List;

/** Whether use of the venue, or part of it, must stop until rectified, and which parts and why. */
public record Suspension(List<SuspendedPart> parts) {
    public static final Suspension NONE = new Suspension(List.of());

    public Suspension {
        parts = List.copyOf(parts);
    }

    public boolean required() {
        return !parts.isEmpty();
    }
}
