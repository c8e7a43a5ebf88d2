package org.hourbill.platform.problem;

/**
 * A well-formed request that cannot be carried out as asked (reported as 422), e.g. a payment in another
 * currency than its invoice, or an idempotency key used again with a different body. Names the field at fault
 * when there is one.
 */
public class UnprocessableRequest extends RuntimeException {
    private final String field;

    public UnprocessableRequest(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
