package org.hourbill.billing.domain.run;

/**
 * Where an invoice run is. Forward: DRAWING_DOWN (only with a frame order) -> ISSUING (the pivot) -> MARKING_BILLED
 * (only when timesheets have not yet answered the lock the run asked for at its start) -> COMPLETED. Backward, before
 * the pivot: WITHDRAWING (the invoice request) and REVERSING_DRAW_DOWN -> FAILED.
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
     * Whether entering the step sends its command. Timesheets were asked to lock the entries when the run started, in
     * parallel with its first step, and lock what is left when they hear of the invoice (InvoiceIssued names the
     * entries): billing asks them again (MarkEntriesBilled) only when their answer is late.
     */
    public boolean askedWhenEntered() {
        return this != MARKING_BILLED;
    }
}
