package org.hourbill.invoice.domain;

/** What becomes of a voided invoice's time entries: billable again in the next review, or written off for good. */
public enum EntryDisposition {
    RETURN_TO_POOL, WRITE_OFF
}
