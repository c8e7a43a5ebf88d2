package org.hourbill.platform.problem;

/**
 * The request is valid but the resource's current state forbids it (reported as 409), optionally naming the request
 * field at fault (a PO number another frame order of the customer has).
 */
public class ConflictingState extends RuntimeException {
    private final String field;

    public ConflictingState(String message) {
        this(null, message);
    }

    public ConflictingState(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field at fault, or null. */
    public String field() {
        return field;
    }
}
