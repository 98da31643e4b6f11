package io.firerisk.analysis;

import io.firerisk.CampaignException;
import io.firerisk.internal.CampaignReader;
import io.firerisk.internal.Precompiled;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Build step for a jar that bundles campaigns (risk-rules runs it at {@code process-classes}): compiles
 * every campaign folder under the given directories and writes its rule packages to {@link #OUTPUT}
 * beside its files, so the campaign starts without parsing and compiling its rules, and the list of its
 * files ({@code compiled/files.txt}), so that it is read from a jar without listing the jar. The engine uses
 * them only while they match the rule files and the Drools version exactly. A campaign with any error
 * fails the build with its problems listed, as loading it would.
 *
 * <pre>java -cp … io.firerisk.analysis.CampaignPrecompiler target/classes/campaigns</pre>
 */
public final class CampaignPrecompiler {

    /** Where the compiled rule packages are written, relative to the campaign folder. */
    public static final String OUTPUT = Precompiled.FILE;

    private CampaignPrecompiler() {}

    public static void main(String[] args) throws IOException {
        // Run inside the build, where no logging backend is on the class path: SLF4J's notice that it
        // has none says nothing useful there.
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
        if (args.length == 0) {
            System.err.println("usage: CampaignPrecompiler CAMPAIGNS_DIR...");
            System.exit(2);
        }
        int failed = 0;
        for (String arg : args) {
            Path root = Path.of(arg);
            if (!Files.isDirectory(root)) {
                continue;
            }
            List<Path> folders;
            try (Stream<Path> list = Files.list(root)) {
                folders = list.filter(p -> Files.isRegularFile(p.resolve(CampaignReader.CAMPAIGN_FILE))).sorted().toList();
            }
            for (Path folder : folders) {
                try {
                    long start = System.nanoTime();
                    Path out = precompile(folder);
                    System.out.printf("precompiled campaign %s → %s (%d KB, %d ms)%n", folder.getFileName(),
                            folder.relativize(out), Files.size(out) / 1024, (System.nanoTime() - start) / 1_000_000);
                } catch (CampaignException e) {
                    System.err.println(e.getMessage());
                    failed++;
                }
            }
        }
        if (failed > 0) {
            System.exit(1);
        }
    }

    /**
     * Compiles one campaign folder from source and writes its packages beside it.
     *
     * @return the file written, {@link #OUTPUT} in the folder
     * @throws CampaignException listing every problem, when the campaign has an error
     */
    public static Path precompile(Path folder) throws IOException {
        byte[] blob = Precompiled.build(folder);
        Path out = folder.resolve(OUTPUT);
        Files.createDirectories(out.getParent());
        Files.write(out, blob);
        // The list of its files, so that loading it from a jar need not open the jar as a file system.
        Files.writeString(folder.resolve(io.firerisk.internal.CampaignFiles.INDEX),
                io.firerisk.internal.CampaignFiles.index(folder));
        return out;
    }
}
