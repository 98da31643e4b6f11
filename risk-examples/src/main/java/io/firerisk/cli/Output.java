package io.firerisk.cli;

import java.io.PrintWriter;

/** Prints multi-line reports made from input text: each line made terminal-safe on its own, the line breaks kept. */
final class Output {
    private Output() {}

    static void lines(PrintWriter out, String text) {
        for (String line : text.split("\n", -1)) {
            out.println(Safe.text(line));
        }
    }
}
