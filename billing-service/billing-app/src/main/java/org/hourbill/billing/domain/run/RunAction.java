package org.hourbill.billing.domain.run;

/** What the run asks the world to do after a transition; carried out in the transaction that stored the transition. */
public sealed interface RunAction {
    /** Ask frame-order-service to draw the run's hours. */
    record DrawDown() implements RunAction {
    }

    /** Ask timesheet-service to lock the run's entries before the invoice, in parallel with the run's first step. */
    record LockEntries() implements RunAction {
    }

    /** Ask frame-order-service to give the hours back, or to bar a draw-down that has not happened. */
    record ReverseDrawDown(String reason) implements RunAction {
    }

    /** Ask invoice-service to issue the invoice. */
    record IssueInvoice() implements RunAction {
    }

    /** Ask invoice-service to drop the request unless the invoice exists already. */
    record WithdrawInvoice(String reason) implements RunAction {
    }

    /** Ask timesheet-service to lock the billed entries. */
    record MarkEntriesBilled(String invoiceNumber) implements RunAction {
    }

    /** The run's billed entries are billed and its written-off ones written off, here in billing's pool. */
    record SettleEntries(String invoiceNumber) implements RunAction {
    }

    /** The run's entries go back to the pool, unbilled, and timesheets unlock them. */
    record ReleaseEntries() implements RunAction {
    }
}
