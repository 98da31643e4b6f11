package io.firerisk.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Refuses a command whose outputs would land on its inputs, or on each other, before anything is opened
 * for writing: {@code -o venues.csv} for the input {@code venues.csv} would destroy the input, and two
 * outputs in one file would leave one of them. Files are compared by identity, not by name: a path
 * spelt differently, a symbolic link and a hard link to the same file all clash.
 */
final class PathClash {

    private final Map<String, Path> inputs = new LinkedHashMap<>();
    private final Map<String, Path> outputs = new LinkedHashMap<>();

    /** An input file, named by the option (or parameter) that gave it; null and {@code -} are skipped. */
    PathClash input(String option, Path file) {
        if (file != null && !file.toString().equals("-")) {
            inputs.put(option, file);
        }
        return this;
    }

    /** An output file, named by its option; null (standard output) is skipped. */
    PathClash output(String option, Path file) {
        if (file != null) {
            outputs.put(option, file);
        }
        return this;
    }

    /** @throws CommandLine.ParameterException (exit code 2) naming both options and the file */
    void check(CommandLine cli) {
        List<Map.Entry<String, Path>> outs = new ArrayList<>(outputs.entrySet());
        for (int i = 0; i < outs.size(); i++) {
            Map.Entry<String, Path> out = outs.get(i);
            for (Map.Entry<String, Path> in : inputs.entrySet()) {
                if (same(out.getValue(), in.getValue())) {
                    throw new CommandLine.ParameterException(cli, out.getKey() + " " + out.getValue() + " is the input "
                            + in.getKey() + " " + in.getValue() + ": writing it would destroy the input; choose another"
                            + " file for " + out.getKey());
                }
            }
            for (Map.Entry<String, Path> other : outs.subList(0, i)) {
                // Two outputs may both be a device such as /dev/null, which throws away what it is given.
                boolean device = Files.exists(out.getValue()) && !Files.isRegularFile(out.getValue());
                if (!device && same(out.getValue(), other.getValue())) {
                    throw new CommandLine.ParameterException(cli, out.getKey() + " " + out.getValue() + " is the same"
                            + " file as " + other.getKey() + " " + other.getValue() + ": one would overwrite the other;"
                            + " choose two files");
                }
            }
        }
    }

    /** Whether two paths are one file: by identity when both exist, else by their absolute, normalised form. */
    static boolean same(Path a, Path b) {
        try {
            if (Files.exists(a) && Files.exists(b)) {
                return Files.isSameFile(a, b);
            }
        } catch (IOException e) {
            // fall back to the names
        }
        return canonical(a).equals(canonical(b));
    }

    /** The path with its folder resolved to the real one where it exists. */
    private static Path canonical(Path p) {
        Path absolute = p.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        try {
            if (parent != null && Files.exists(parent)) {
                return parent.toRealPath().resolve(absolute.getFileName());
            }
        } catch (IOException e) {
            // keep the absolute form
        }
        return absolute;
    }
}
