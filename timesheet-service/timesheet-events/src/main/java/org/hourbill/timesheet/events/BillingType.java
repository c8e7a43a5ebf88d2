package org.hourbill.timesheet.events;

/** How a project is billed; decides whether and how its hours reach an invoice. */
public enum BillingType {
    /** On produced work: hours times rate. */
    TIME_AND_MATERIALS,
    /** At terms: a calendar of fixed amounts; hours are not billed one by one. */
    FIXED_PRICE,
    /** On produced work, never beyond a cap. */
    CAPPED_TIME_AND_MATERIALS,
    /** Free lines entered by hand. */
    MANUAL,
    /** Internal or overhead work. */
    NOT_BILLED
}
