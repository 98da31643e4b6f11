package io.firerisk.cli;

import io.firerisk.io.CsvReader;
import io.firerisk.io.CsvRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a CSV file the program wrote into rows by column name. */
final class Csv {
    private Csv() {}

    static List<Map<String, String>> read(Path file) throws IOException {
        try (CsvReader csv = CsvReader.open(Files.newInputStream(file), StandardCharsets.UTF_8)) {
            List<String> header = csv.next().fields();
            List<Map<String, String>> rows = new ArrayList<>();
            for (CsvRecord row = csv.next(); row != null; row = csv.next()) {
                if (row.blank()) {
                    continue;
                }
                Map<String, String> cells = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    cells.put(header.get(i), i < row.fields().size() ? row.fields().get(i) : "");
                }
                rows.add(cells);
            }
            return rows;
        }
    }
}
