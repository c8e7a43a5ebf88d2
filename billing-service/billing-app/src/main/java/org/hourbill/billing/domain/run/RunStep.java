package org.hourbill.billing.domain.run;

/**
 * Where an invoice run is. Forward: DRAWING_DOWN (only with a frame order) -> ISSUING (the pivot) -> MARKING_BILLED
 * (waiting for timesheets to lock the entries, unless they already said so) -> COMPLETED. Backward, before the pivot:
 * WITHDRAWING (the invoice request) and REVERSING_DRAW_DOWN -> FAILED.
 */
public enum RunStep {
    DRAWING_DOWN, ISSUING, WITHDRAWING, REVERSING_DRAW_DOWN, MARKING_BILLED, COMPLETED, FAILED;

    public boolean finished() {
        return this == COMPLETED || this == FAILED;
    }

    /**
     * A forward step before the pivot: asked a few times, then given up and undone. Every other step is asked until
     * it is answered.
     */
    public boolean givenUpWhenSilent() {
        return this == DRAWING_DOWN || this == ISSUING;
    }

    /**
     * Whether entering the step sends its command. Timesheets lock an issued invoice's entries when they hear of the
     * invoice (InvoiceIssued names them), in parallel with billing: a hop and a message fewer on every invoice. Billing
     * asks them (MarkEntriesBilled) only when their answer is late.
     */
    public boolean askedWhenEntered() {
        return this != MARKING_BILLED;
    }
}
