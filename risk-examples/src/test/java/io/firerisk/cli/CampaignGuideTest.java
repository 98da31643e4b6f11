package io.firerisk.cli;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Runs every example of docs/writing-a-campaign.md, in order, in one working folder, as the guide
 * says an analyst would. A fenced block's info string says what it is:
 * <pre>
 *   ```sh example [exit=N]         firerisk commands, run in the working folder; exit code N (default 0)
 *   ```text example output         lines the last command printed, in order; … stands for any text
 *   ```csv example file=PATH       the whole content of a file to write
 *   ```csv example append=PATH     lines to add at the end of a file
 *   ```text example edit=PATH      two lines: one that is in the file, and what it becomes
 *   ```drl example excerpt=PATH    text that is in that file, word for word
 *   ```text example vocabulary=T   "field — meaning" lines; each field is one of io.firerisk.rules.T
 * </pre>
 * A fenced block that is not an example fails the test: everything the guide shows is checked.
 */
class CampaignGuideTest {

    static final Path GUIDE = Path.of("..", "docs", "writing-a-campaign.md");
    private static final Pattern FENCE = Pattern.compile("^```(\\S*)\\s*(.*)$");

    @TempDir
    Path work;

    record Block(int line, String language, Map<String, String> attributes, List<String> lines) {
        boolean has(String key) {
            return attributes.containsKey(key);
        }

        String get(String key) {
            return attributes.get(key);
        }

        String text() {
            return String.join("\n", lines) + "\n";
        }

        String name() {
            String first = lines.isEmpty() ? "" : lines.get(0);
            return "writing-a-campaign.md:" + line + " " + (has("file") ? "write " + get("file")
                    : has("append") ? "append to " + get("append") : has("edit") ? "edit " + get("edit")
                    : has("excerpt") ? "excerpt of " + get("excerpt") : has("vocabulary") ? "vocabulary of " + get("vocabulary")
                    : has("output") ? "output" : first);
        }
    }

    record Run(String command, int exit, String out) {}

    @TestFactory
    Stream<DynamicTest> everyExampleInTheGuideDoesWhatItSays() throws IOException {
        List<Block> blocks = blocks(Files.readAllLines(GUIDE, StandardCharsets.UTF_8));
        assertThat(blocks).filteredOn(b -> b.has("output")).hasSizeGreaterThanOrEqualTo(6);
        Run[] last = new Run[1];
        return blocks.stream().map(b -> DynamicTest.dynamicTest(b.name(), () -> {
            if (b.language().equals("sh")) {
                last[0] = commands(b);
            } else if (b.has("output")) {
                assertThat(last[0]).as("an output block must follow a command block").isNotNull();
                outputMatches(b, last[0]);
            } else if (b.has("file")) {
                write(work.resolve(b.get("file")), b.text());
            } else if (b.has("append")) {
                Path file = work.resolve(b.get("append"));
                String before = Files.readString(file, StandardCharsets.UTF_8);
                write(file, before + (before.endsWith("\n") ? "" : "\n") + b.text());
            } else if (b.has("edit")) {
                edit(b);
            } else if (b.has("excerpt")) {
                String text = Files.readString(work.resolve(b.get("excerpt")), StandardCharsets.UTF_8);
                assertThat(text).as("%s is quoted from %s", b.name(), b.get("excerpt")).contains(b.text().strip());
            } else if (b.has("vocabulary")) {
                vocabulary(b);
            } else {
                fail(b.name() + ": an example block must say what it is (file=, append=, edit=, excerpt=, vocabulary=, output)");
            }
        }));
    }

    /** The fenced blocks; a block whose info string lacks "example" fails at once, since nothing would check it. */
    static List<Block> blocks(List<String> lines) {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = FENCE.matcher(lines.get(i));
            if (!m.matches()) {
                continue;
            }
            int start = i + 1;
            List<String> body = new ArrayList<>();
            for (i = i + 1; i < lines.size() && !lines.get(i).equals("```"); i++) {
                body.add(lines.get(i));
            }
            List<String> words = new ArrayList<>(Arrays.asList(m.group(2).strip().split("\\s+")));
            if (!words.remove("example")) {
                fail("writing-a-campaign.md:" + start + ": a fenced block that is not an example is not checked; "
                        + "mark it ```" + m.group(1) + " example …");
            }
            Map<String, String> attributes = new HashMap<>();
            for (String w : words) {
                int eq = w.indexOf('=');
                attributes.put(eq < 0 ? w : w.substring(0, eq), eq < 0 ? "" : w.substring(eq + 1));
            }
            blocks.add(new Block(start, m.group(1), attributes, body));
        }
        return blocks;
    }

    private Run commands(Block b) {
        int expected = b.has("exit") ? Integer.parseInt(b.get("exit")) : 0;
        Run run = null;
        for (String line : b.lines()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            assertThat(line).as("%s: commands start with firerisk", b.name()).startsWith("firerisk ");
            run = firerisk(line.substring("firerisk ".length()).strip().split("\\s+"));
            assertThat(run.exit()).as("%s exits %d; it printed:%n%s", line, expected, run.out()).isEqualTo(expected);
        }
        return run;
    }

    /**
     * Runs the program in this JVM as if from the working folder: arguments naming something in it (or
     * what --out creates) are resolved against it, printed paths are shown relative to it again, and
     * the coverage file goes where it would from there.
     */
    private Run firerisk(String[] args) {
        List<String> resolved = new ArrayList<>();
        String campaign = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            boolean out = i > 0 && args[i - 1].equals("--out");
            if (!arg.startsWith("-") && (out || Files.exists(work.resolve(arg)))) {
                resolved.add(work.resolve(arg).toString());
                if (Files.isDirectory(work.resolve(arg)) && campaign == null) {
                    campaign = arg;
                }
            } else {
                resolved.add(arg);
            }
        }
        if (resolved.contains("--coverage") && !resolved.contains("--coverage-file") && campaign != null) {
            resolved.add("--coverage-file");
            resolved.add(work.resolve("coverage-" + id(work.resolve(campaign)) + ".md").toString());
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Firerisk.run(new PrintWriter(out), new PrintWriter(err), resolved.toArray(String[]::new));
        String prefix = work.toString() + java.io.File.separator;
        String text = (out + err.toString()).replace(prefix, "").replace("\r\n", "\n");
        return new Run(String.join(" ", args), exit, text);
    }

    private static String id(Path campaign) {
        try {
            Matcher m = Pattern.compile("(?m)^id: *(\\S+)").matcher(Files.readString(campaign.resolve("campaign.yaml")));
            return m.find() ? m.group(1) : "";
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Each expected line, in order, matches a later line of the output; "…" matches any text, a line of "…" nothing. */
    private static void outputMatches(Block b, Run run) {
        String[] actual = run.out().split("\n");
        int at = 0;
        for (String expected : b.lines()) {
            if (expected.isBlank() || expected.strip().equals("…")) {
                continue;
            }
            Pattern p = Pattern.compile(Arrays.stream(expected.split("…", -1)).map(Pattern::quote)
                    .reduce((x, y) -> x + ".*" + y).orElse(""));
            int found = -1;
            for (int i = at; i < actual.length; i++) {
                if (p.matcher(actual[i]).matches()) {
                    found = i;
                    break;
                }
            }
            if (found < 0) {
                fail(b.name() + ": `" + run.command() + "` did not print, after what was matched before it:\n  "
                        + expected + "\nIt printed:\n" + run.out());
            }
            at = found + 1;
        }
    }

    private void edit(Block b) throws IOException {
        List<String> pair = b.lines().stream().filter(l -> !l.isBlank()).toList();
        assertThat(pair).as("%s: an edit is two lines, the old and the new", b.name()).hasSize(2);
        Path file = work.resolve(b.get("edit"));
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).as("%s: %s holds the line to change", b.name(), b.get("edit")).contains(pair.get(0));
        write(file, text.replace(pair.get(0), pair.get(1)));
    }

    private static void vocabulary(Block b) throws ClassNotFoundException {
        Class<?> type = Class.forName("io.firerisk.rules." + b.get("vocabulary"));
        List<String> names = new ArrayList<>();
        if (type.isRecord()) {
            Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).forEach(names::add);
        }
        for (Method m : type.getMethods()) {
            if (m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers())) {
                names.add(m.getName());
            }
        }
        for (String line : b.lines()) {
            String field = line.split(" — ", 2)[0].strip();
            assertThat(line).as("%s: lines read 'field — meaning'", b.name()).contains(" — ");
            assertThat(names).as("%s: %s has %s", b.name(), type.getSimpleName(), field).contains(field);
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
