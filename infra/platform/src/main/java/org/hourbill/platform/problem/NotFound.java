package org.hourbill.platform.problem;

/** A referenced resource does not exist (404, or 400 naming the field when it was referenced from a body). */
public class NotFound extends RuntimeException {
    private final String field;

    public NotFound(String message) {
        this(null, message);
    }

    /** @param field the request field that referenced the missing resource, or null when it was the path. */
    public NotFound(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
