package org.hourbill.platform.problem;

/**
 * A request value that breaks a rule of the domain, reported as 400 naming the field at fault.
 * Plain Java so that domain code can throw it without depending on a web framework.
 */
public class InvalidField extends RuntimeException {
    private final String field;

    public InvalidField(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
