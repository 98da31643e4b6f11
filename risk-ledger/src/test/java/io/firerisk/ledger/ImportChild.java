package io.firerisk.ledger;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A separate JVM that imports a file into a ledger in small batches and prints {@code committed N}
 * after each batch is committed, so a test can kill it half-way and know what it had acknowledged.
 * Arguments: {@code h2 FILE IMPORT} or {@code postgres URL USER PASSWORD SCHEMA IMPORT}.
 */
public final class ImportChild {
    public static void main(String[] args) throws Exception {
        Ledger.Builder b = Ledger.builder().campaign(World.engine()).clock(World.CLOCK);
        Path file;
        if (args[0].equals("h2")) {
            b.h2(Path.of(args[1]));
            file = Path.of(args[2]);
        } else {
            b.postgres(args[1], args[2], args[3]).schema(args[4]);
            file = Path.of(args[5]);
        }
        try (Ledger ledger = b.build(); Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            ledger.importBatch = 25;
            System.out.println("started");
            System.out.flush();
            ledger.importEvents(in, file.toString(), n -> {
                System.out.println("committed " + n);
                System.out.flush();
            });
            System.out.println("done");
        }
    }
}
