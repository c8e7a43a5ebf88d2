package org.hourbill.platform.problem;

/** The request is valid but the resource's current state forbids it (reported as 409). */
public class ConflictingState extends RuntimeException {
    public ConflictingState(String message) {
        super(message);
    }
}
