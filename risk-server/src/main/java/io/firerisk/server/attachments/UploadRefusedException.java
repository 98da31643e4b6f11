package io.firerisk.server.attachments;

/**
 * An upload the desk does not keep: {@code messageKey} (of the messages files) says why, with its
 * arguments; nothing was stored.
 */
public final class UploadRefusedException extends RuntimeException {
    private final String messageKey;
    private final transient Object[] args;

    UploadRefusedException(String messageKey, Object... args) {
        super(messageKey + " " + java.util.Arrays.toString(args));
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
