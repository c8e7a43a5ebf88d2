package org.hourbill.timesheet.domain;

/** Where a time entry stands: Draft -> Submitted -> Approved -> Billed, or Rejected back for a fix. */
public enum EntryStatus {
    DRAFT, SUBMITTED, REJECTED, APPROVED, BILLED;

    boolean editable() {
        return this == DRAFT || this == REJECTED;
    }
}
