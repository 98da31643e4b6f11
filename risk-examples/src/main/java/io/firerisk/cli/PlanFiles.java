package io.firerisk.cli;

import io.firerisk.io.CsvReader;
import io.firerisk.io.CsvRecord;
import io.firerisk.io.InputException;
import io.firerisk.ledger.draw.InspectionPlan;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The small tables an inspection plan reads: the inspector roster and the previous plan. Errors name file and line. */
final class PlanFiles {
    private PlanFiles() {}

    /**
     * The roster: one inspector per row, columns {@code id} (编号, 工号, 执法证号) and optionally
     * {@code name} (姓名). Ids must be unique.
     */
    static List<InspectionPlan.Inspector> roster(Path file, Charset charset) throws InputException {
        List<InspectionPlan.Inspector> inspectors = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        read(file, charset, Map.of("id", List.of("id", "inspectorid", "编号", "工号", "执法证号"),
                "name", List.of("name", "姓名")), Set.of("id"), (row, cells) -> {
            String id = cells.get("id");
            if (id.isEmpty()) {
                throw new InputException(file + ":" + row.line() + ": id: is required");
            }
            Long first = seen.putIfAbsent(id, row.line());
            if (first != null) {
                throw new InputException(file + ":" + row.line() + ": id: inspector '" + Safe.text(id)
                        + "' is already on line " + first);
            }
            inspectors.add(new InspectionPlan.Inspector(id, cells.getOrDefault("name", "")));
        });
        if (inspectors.isEmpty()) {
            throw new InputException(file + ": the roster lists no inspectors");
        }
        return inspectors;
    }

    /**
     * The previous plan, as {@code plan-inspections} wrote it: which inspectors went to which venue
     * (columns {@code venueId}/场所编号 and {@code inspectorIds}/检查人员编号, ids separated by {@code ;}).
     */
    static Map<String, Set<String>> previous(Path file, Charset charset) throws InputException {
        Map<String, Set<String>> visits = new HashMap<>();
        read(file, charset, Map.of("venueId", List.of("venueid", "场所编号"),
                "inspectorIds", List.of("inspectorids", "检查人员编号")), Set.of("venueId", "inspectorIds"), (row, cells) -> {
            String venue = cells.get("venueId");
            if (venue.isEmpty()) {
                return;
            }
            Set<String> ids = visits.computeIfAbsent(venue, k -> new LinkedHashSet<>());
            for (String id : cells.get("inspectorIds").split("[;；、]")) {
                if (!id.isBlank()) {
                    ids.add(id.strip());
                }
            }
        });
        return visits;
    }

    private interface RowHandler {
        void accept(CsvRecord row, Map<String, String> cells) throws InputException;
    }

    private static void read(Path file, Charset charset, Map<String, List<String>> columns, Set<String> required,
            RowHandler handler) throws InputException {
        try (CsvReader csv = CsvReader.open(Files.newInputStream(file), charset)) {
            CsvRecord header = csv.next();
            if (header == null) {
                throw new InputException(file + ": the file is empty: the first line must name the columns");
            }
            if (!header.readable()) {
                throw new InputException(file + ":" + header.line() + ": " + header.error());
            }
            Map<String, Integer> index = new LinkedHashMap<>();
            for (int i = 0; i < header.fields().size(); i++) {
                String key = CsvReader.columnKey(header.fields().get(i));
                for (Map.Entry<String, List<String>> c : columns.entrySet()) {
                    if (c.getValue().contains(key)) {
                        index.putIfAbsent(c.getKey(), i);
                    }
                }
            }
            int width = header.fields().size();
            while (width > 0 && header.fields().get(width - 1).isBlank()) {
                width--;
            }
            csv.expectColumns(width);
            Set<String> missing = new HashSet<>(required);
            missing.removeAll(index.keySet());
            if (!missing.isEmpty()) {
                throw new InputException(file + ":1: the header has no " + String.join(", ", missing) + " column"
                        + " (found " + header.fields() + ")");
            }
            for (CsvRecord row = csv.next(); row != null; row = csv.next()) {
                if (row.blank()) {
                    continue;
                }
                if (!row.readable()) {
                    throw new InputException(file + ":" + row.line() + ": " + row.error());
                }
                Map<String, String> cells = new HashMap<>();
                for (Map.Entry<String, Integer> e : index.entrySet()) {
                    cells.put(e.getKey(), e.getValue() < row.fields().size() ? row.fields().get(e.getValue()).strip() : "");
                }
                handler.accept(row, cells);
            }
        } catch (NoSuchFileException e) {
            throw new InputException(file + ": no such file");
        } catch (IOException e) {
            throw new InputException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }
}
