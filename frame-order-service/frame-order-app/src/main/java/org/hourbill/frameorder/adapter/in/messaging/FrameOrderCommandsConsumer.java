package org.hourbill.frameorder.adapter.in.messaging;

import java.util.List;
import java.util.function.Consumer;

import org.hourbill.frameorder.application.FrameOrderLedger;
import org.hourbill.frameorder.events.DrawDownFrameOrder;
import org.hourbill.frameorder.events.ReverseFrameOrderDrawDown;
import org.hourbill.platform.messaging.EventInbox;
import org.hourbill.platform.messaging.MalformedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Binding {@code frameOrderCommands-in-0}: draw-downs and reversals asked by billing's invoice runs. */
@Configuration(proxyBeanMethods = false)
class FrameOrderCommandsConsumer {
    private static final String CONSUMER = "frame-order-service";

    @Bean
    Consumer<Message<List<byte[]>>> frameOrderCommands(EventInbox inbox, FrameOrderLedger ledger) {
        return poll -> inbox.receiveAll(CONSUMER, poll, command -> {
            switch (command.type()) {
                case DrawDownFrameOrder.TYPE -> {
                    DrawDownFrameOrder c = inbox.payload(command, DrawDownFrameOrder.class);
                    if (c.drawDownId() == null || c.frameOrderId() == null || c.invoiceDate() == null) {
                        throw new MalformedEvent(command.type() + " " + command.id() + " lacks drawDownId, frameOrderId or invoiceDate");
                    }
                    ledger.drawDown(c.drawDownId(), c.frameOrderId(), c.customerId(),
                            c.servicePeriodFrom() != null && c.servicePeriodTo() != null ? c.servicePeriodFrom() : c.invoiceDate(),
                            c.servicePeriodFrom() != null && c.servicePeriodTo() != null ? c.servicePeriodTo() : c.invoiceDate(),
                            c.hours(), c.reference());
                }
                case ReverseFrameOrderDrawDown.TYPE -> {
                    ReverseFrameOrderDrawDown c = inbox.payload(command, ReverseFrameOrderDrawDown.class);
                    if (c.drawDownId() == null || c.frameOrderId() == null) {
                        throw new MalformedEvent(command.type() + " " + command.id() + " lacks drawDownId or frameOrderId");
                    }
                    ledger.reverse(c.drawDownId(), c.frameOrderId(), c.reason() == null ? "reversed" : c.reason());
                }
                default -> throw new MalformedEvent("frame-order-service does not know the command " + command.type());
            }
        });
    }
}
