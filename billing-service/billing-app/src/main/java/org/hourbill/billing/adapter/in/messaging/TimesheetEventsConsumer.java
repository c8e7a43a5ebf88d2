package org.hourbill.billing.adapter.in.messaging;

import java.util.List;
import java.util.function.Consumer;

import org.hourbill.billing.application.ApprovedHoursIntake;
import org.hourbill.billing.application.InvoiceRunner;
import org.hourbill.platform.messaging.EventInbox;
import org.hourbill.timesheet.events.CustomerChanged;
import org.hourbill.timesheet.events.EntriesApproved;
import org.hourbill.timesheet.events.EntriesBilled;
import org.hourbill.timesheet.events.EntriesLocked;
import org.hourbill.timesheet.events.EntriesNotLocked;
import org.hourbill.timesheet.events.EntriesReopened;
import org.hourbill.timesheet.events.ProjectChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Binding {@code timesheetEvents-in-0}: the timesheet topic into the unbilled pool, and timesheets' answers to
 * invoice runs (the entries locked, or not). Unknown event types are
 * skipped (a newer producer may add some); an event that cannot be read fails, is retried, and lands in the
 * dead-letter topic while the partition goes on.
 */
@Configuration(proxyBeanMethods = false)
class TimesheetEventsConsumer {
    static final String CONSUMER = "billing-service";
    private static final Logger log = LoggerFactory.getLogger(TimesheetEventsConsumer.class);

    @Bean
    Consumer<Message<List<byte[]>>> timesheetEvents(EventInbox inbox, ApprovedHoursIntake intake, InvoiceRunner runner) {
        return poll -> inbox.receiveAll(CONSUMER, poll, event -> {
            switch (event.type()) {
                case EntriesApproved.TYPE -> intake.approved(inbox.payload(event, EntriesApproved.class));
                case EntriesReopened.TYPE -> intake.reopened(inbox.payload(event, EntriesReopened.class));
                case CustomerChanged.TYPE -> intake.customerChanged(inbox.payload(event, CustomerChanged.class));
                case ProjectChanged.TYPE -> intake.projectChanged(inbox.payload(event, ProjectChanged.class));
                case EntriesBilled.TYPE -> {
                    EntriesBilled billed = inbox.payload(event, EntriesBilled.class);
                    runner.entriesBilled(billed.invoiceRunId(), billed.notBilled() == null ? java.util.List.of() : billed.notBilled());
                }
                case EntriesLocked.TYPE -> runner.entriesLocked(inbox.payload(event, EntriesLocked.class).invoiceRunId());
                case EntriesNotLocked.TYPE -> {
                    EntriesNotLocked refused = inbox.payload(event, EntriesNotLocked.class);
                    runner.entriesNotLocked(refused.invoiceRunId(), refused.reason());
                }
                default -> log.debug("skipping event type {} that billing does not use", event.type());
            }
        });
    }
}
