package io.firerisk.ledger.excel;

import java.util.List;

/**
 * What an import of an inspection workbook did: every inspection and hazard of it recorded, or none
 * (a workbook with a problem records nothing, and every problem is listed).
 *
 * @param file            the workbook
 * @param rows            data rows read
 * @param inspections     inspections recorded now
 * @param hazards         hazards recorded now
 * @param alreadyRecorded entries the ledger already held from an earlier import of the same rows
 * @param problems        every problem found, in sheet and row order; when not empty nothing was recorded
 */
public record SheetImport(String file, int rows, int inspections, int hazards, int alreadyRecorded,
        List<SheetProblem> problems) {

    public SheetImport {
        problems = List.copyOf(problems);
    }

    /** True when the workbook was recorded (nothing was wrong with it). */
    public boolean recorded() {
        return problems.isEmpty();
    }
}
