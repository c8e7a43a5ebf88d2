package org.hourbill.frameorder.adapter.out.messaging;

import java.math.BigDecimal;

import org.hourbill.frameorder.application.FrameOrderEventPublisher;
import org.hourbill.frameorder.domain.DrawDown;
import org.hourbill.frameorder.domain.FrameOrder;
import org.hourbill.frameorder.events.FrameOrderDrawDownRejected;
import org.hourbill.frameorder.events.FrameOrderDrawDownReversed;
import org.hourbill.frameorder.events.FrameOrderDrawnDown;
import org.hourbill.frameorder.events.FrameOrderTopics;
import org.hourbill.platform.outbox.Outbox;
import org.hourbill.platform.outbox.OutgoingEvent;
import org.springframework.stereotype.Component;

/** Writes draw-down outcomes to the outbox, keyed by frame order. */
@Component
class OutboxFrameOrderEvents implements FrameOrderEventPublisher {
    private final Outbox outbox;

    OutboxFrameOrderEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void drawnDown(FrameOrder o, DrawDown d) {
        // the balance right after this draw-down, also when a repeated request is answered after later ones
        BigDecimal billed = d.billedAfter() != null ? d.billedAfter() : o.billedHours();
        publish(FrameOrderDrawnDown.TYPE, d, new FrameOrderDrawnDown(d.id(), o.id(), o.customerId(), o.poNumber(), d.hours(),
                o.totalHours(), billed, o.totalHours().subtract(billed)));
    }

    @Override
    public void drawDownRejected(DrawDown d, FrameOrder o, String reason) {
        publish(FrameOrderDrawDownRejected.TYPE, d,
                new FrameOrderDrawDownRejected(d.id(), d.frameOrderId(), o == null ? null : o.customerId(), reason));
    }

    @Override
    public void drawDownReversed(DrawDown d, FrameOrder o, BigDecimal hoursGivenBack) {
        publish(FrameOrderDrawDownReversed.TYPE, d, new FrameOrderDrawDownReversed(d.id(), d.frameOrderId(),
                o == null ? null : o.customerId(), hoursGivenBack, o == null ? BigDecimal.ZERO : o.remainingHours(),
                d.note() == null ? "reversed" : d.note()));
    }

    private void publish(String type, DrawDown d, Object payload) {
        outbox.append(new OutgoingEvent(FrameOrderTopics.EVENTS, type, "frame-order", d.frameOrderId().toString(),
                "draw-down/" + d.id(), payload));
    }
}
