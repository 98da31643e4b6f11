package io.firerisk.internal;

import io.firerisk.CampaignException;
import io.firerisk.Problem;
import io.firerisk.campaign.Campaign;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Build step: compiles every campaign folder under the given directories and writes its rule
 * packages to {@link Precompiled#FILE}, so the bundled campaigns start fast. A campaign with any
 * error fails the build with its problems listed, as loading it would.
 */
public final class CampaignPrecompiler {

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

    /** Compiles one campaign folder from source and writes its packages beside it. */
    public static Path precompile(Path folder) throws IOException {
        CampaignFiles files = CampaignFiles.fromFolder(folder);
        List<Problem> problems = new ArrayList<>();
        Optional<Campaign> campaign = CampaignReader.read(files, problems);
        Optional<RuleCompiler.Result> compiled = campaign.flatMap(c -> RuleCompiler.compile(c, files, problems, null));
        if (compiled.isEmpty() || problems.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR)) {
            throw new CampaignException(folder.toString(), problems);
        }
        Path out = folder.resolve(Precompiled.FILE);
        Files.createDirectories(out.getParent());
        Files.write(out, Precompiled.write(compiled.get().kieBase(), RuleCompiler.ruleFiles(files)));
        return out;
    }
}
