package org.hourbill.platform.problem;

/**
 * A reference this service learns of by event and has not received yet (a customer created a moment ago elsewhere):
 * answered 409 with {@code Retry-After}, so a client retries instead of giving up. Plain Java, like the other problems.
 */
public class NotYetKnown extends RuntimeException {
    private final String field;
    private final int retryAfterSeconds;

    public NotYetKnown(String field, String message, int retryAfterSeconds) {
        super(message);
        this.field = field;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public String field() {
        return field;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
