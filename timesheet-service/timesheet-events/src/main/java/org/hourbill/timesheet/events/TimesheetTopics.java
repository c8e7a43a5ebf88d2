package org.hourbill.timesheet.events;

/**
 * Where the timesheet service publishes and listens. Events are keyed by customer id, so that a customer's
 * reference data and the approval, reopening and billing of its entries arrive in the order they happened.
 * Commands (from billing's invoice runs) are keyed by customer id too.
 */
public final class TimesheetTopics {
    public static final String EVENTS = "timesheet.events";
    public static final String COMMANDS = "timesheet.commands";

    private TimesheetTopics() {
    }
}
