package org.hourbill.payment.adapter.in.messaging;

import java.util.List;
import java.util.function.Consumer;

import org.hourbill.payment.application.PayingCustomerDirectory;
import org.hourbill.payment.domain.PayingCustomer;
import org.hourbill.platform.messaging.EventInbox;
import org.hourbill.timesheet.events.CustomerChanged;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Binding {@code timesheetEvents-in-0}: keeps this service's copy of customers; other timesheet events are not its business. */
@Configuration(proxyBeanMethods = false)
class TimesheetEventsConsumer {
    @Bean
    Consumer<Message<List<byte[]>>> timesheetEvents(EventInbox inbox, PayingCustomerDirectory customers) {
        return poll -> inbox.receiveAll("payment-service", poll, CustomerChanged.TYPE::equals, event -> {
            CustomerChanged c = inbox.payload(event, CustomerChanged.class);
            customers.remember(new PayingCustomer(c.customerId(), c.name(), c.currency()));
        });
    }
}
