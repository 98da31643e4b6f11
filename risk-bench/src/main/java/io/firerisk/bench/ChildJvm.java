package io.firerisk.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a cold-start measurement in a fresh JVM: this JVM's {@code java} with the given options, the same class
 * path, the measuring class's {@code main} with {@code --child} and its arguments. The child prints its figures
 * on a line starting {@code "cold "}; the last such line is the measurement (the cold-start programs,
 * {@link ColdStart} and {@link ColdStartModels}, share this so they launch and read their children alike).
 */
final class ChildJvm {

    private ChildJvm() {}

    /**
     * The fields of the child's last {@code "cold "} line (the word {@code cold} first) and the wall-clock time, in
     * milliseconds since the epoch, at which it was launched.
     */
    record Run(String[] fields, long launched) {}

    /**
     * Launches {@code main} in a fresh JVM with {@code jvmOptions} before the class path, {@code --child} and
     * {@code childArgs} after it, reads its output to the end and waits for it.
     *
     * @throws IllegalStateException when the child exits with a failure or prints no {@code "cold "} line; the
     *                               message has the command and everything the child printed
     */
    static Run run(Class<?> main, List<String> jvmOptions, List<String> childArgs) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.add("--child");
        command.addAll(childArgs);
        long launched = System.currentTimeMillis();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String last = null;
        StringBuilder all = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                all.append(line).append('\n');
                if (line.startsWith("cold ")) {
                    last = line;
                }
            }
        }
        if (p.waitFor() != 0 || last == null) {
            throw new IllegalStateException("measured JVM failed: " + command + "\n" + all);
        }
        return new Run(last.split(" "), launched);
    }
}
