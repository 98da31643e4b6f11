package io.firerisk.campaign;

import io.firerisk.Text;

import java.time.LocalDate;

/** A phase of the campaign (部署发动, 组织实施, 总结提升), both ends inclusive. */
public record Phase(String code, Text label, LocalDate from, LocalDate to, String clause) {
    public boolean contains(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }
}
