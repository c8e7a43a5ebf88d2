package org.hourbill.timesheet.events;

/**
 * Where the timesheet service publishes. One topic, keyed by customer id, so that a customer's reference data
 * and the approval and reopening of its entries arrive in the order they happened.
 */
public final class TimesheetTopics {
    public static final String EVENTS = "timesheet.events";

    private TimesheetTopics() {
    }
}
