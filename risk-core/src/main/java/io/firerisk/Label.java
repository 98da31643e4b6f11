package io.firerisk;

/** A campaign code with its text, such as a phase ({@code IMPLEMENTATION}, 组织实施) or an alert level. */
public record Label(String code, Text text) {
    public Label {
        Checks.id("Label", "code", code);
        text = text == null ? Text.EMPTY : text;
    }

    @Override
    public String toString() {
        return code + " (" + text.zh() + ")";
    }
}
