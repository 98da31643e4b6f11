package io.firerisk.server.imports;

import io.firerisk.ledger.excel.InspectionSheets;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether an uploaded file may be read as an inspection workbook at all, before any of it is parsed: the
 * content type the browser declares, the size, and the first bytes (an .xlsx is a zip package, {@code PK 03 04};
 * the old binary .xls and anything renamed .xlsx are told apart by theirs). Each refusal is a message key
 * ({@code import.refused.*}) saying what the file was and what is wanted, with its arguments.
 */
public final class SheetUpload {
    private SheetUpload() {}

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /**
     * Types a browser may declare for an .xlsx: its own, or none it knows (some systems have no mapping for
     * the extension and send the generic one); the bytes decide in either case.
     */
    static final Set<String> DECLARED = Set.of(XLSX, "application/octet-stream");

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1};

    /** Why a file is refused: a message key and its arguments, and the HTTP status that goes with it. */
    public record Refusal(String key, List<Object> args, int status) {}

    /** Why the file is refused, or empty when it may be read. */
    static Optional<Refusal> refusal(String declaredType, long size, byte[] head) {
        if (size == 0) {
            return Optional.of(new Refusal("import.refused.empty", List.of(), 400));
        }
        if (size > InspectionSheets.MAX_BYTES) {
            return Optional.of(new Refusal("import.refused.size", List.of(String.format(java.util.Locale.ROOT, "%.1f",
                    size / 1_048_576.0), InspectionSheets.MAX_BYTES >> 20), 413));
        }
        String type = declaredType == null ? "" : declaredType.toLowerCase(java.util.Locale.ROOT).split(";")[0].strip();
        if (!DECLARED.contains(type)) {
            return Optional.of(new Refusal("import.refused.type", List.of(type.isEmpty() ? "-" : type), 415));
        }
        if (starts(head, OLE2)) {
            return Optional.of(new Refusal("import.refused.xls", List.of(), 415));
        }
        if (!starts(head, ZIP)) {
            return Optional.of(new Refusal("import.refused.bytes", List.of(), 415));
        }
        return Optional.empty();
    }

    private static boolean starts(byte[] data, byte[] magic) {
        return data.length >= magic.length && Arrays.equals(data, 0, magic.length, magic, 0, magic.length);
    }
}
