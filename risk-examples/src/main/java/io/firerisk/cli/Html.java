package io.firerisk.cli;

/** Escaping for HTML text and attributes: every value that came from input goes through here. */
final class Html {
    private Html() {}

    /** Escapes markup characters, and shows control and direction-changing characters as visible escapes. */
    static String esc(String s) {
        String text = Safe.text(s);
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
