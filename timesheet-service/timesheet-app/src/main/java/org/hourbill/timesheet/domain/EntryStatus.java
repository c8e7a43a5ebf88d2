package org.hourbill.timesheet.domain;

/**
 * Where a time entry stands: Draft -> Submitted -> Approved -> Billed, or Rejected back for a fix. Billing may write an
 * approved entry off instead of billing it. A voided invoice's entries, and reversed write-offs, are Approved again.
 */
public enum EntryStatus {
    DRAFT, SUBMITTED, REJECTED, APPROVED, BILLED, WRITTEN_OFF;

    boolean editable() {
        return this == DRAFT || this == REJECTED;
    }
}
