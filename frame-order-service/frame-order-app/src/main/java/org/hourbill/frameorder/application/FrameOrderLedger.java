package org.hourbill.frameorder.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.hourbill.frameorder.domain.DrawDown;
import org.hourbill.frameorder.domain.DrawDownRefused;
import org.hourbill.frameorder.domain.DrawDownStatus;
import org.hourbill.frameorder.domain.FrameOrder;
import org.hourbill.frameorder.domain.FrameOrders;
import org.hourbill.platform.problem.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Draw-downs and their reversals, as asked by invoice runs. Every request is answered, also when it comes again:
 * the draw-down id is the idempotency key, and the earlier outcome is announced once more instead of acting twice.
 * The frame order row is locked first, so draw-downs and reversals of one order never interleave.
 */
@Service
@Transactional
public class FrameOrderLedger {
    private final FrameOrders orders;
    private final FrameOrderEventPublisher events;
    private final Clock clock;

    FrameOrderLedger(FrameOrders orders, FrameOrderEventPublisher events, Clock clock) {
        this.orders = orders;
        this.events = events;
        this.clock = clock;
    }

    public void drawDown(UUID drawDownId, UUID frameOrderId, UUID customerId, LocalDate invoiceDate, BigDecimal hours,
            String reference) {
        drawDown(drawDownId, frameOrderId, customerId, invoiceDate, invoiceDate, hours, reference);
    }

    /** Draws the hours of work done from {@code workedFrom} to {@code workedTo}, once per draw-down id. */
    public void drawDown(UUID drawDownId, UUID frameOrderId, UUID customerId, LocalDate workedFrom, LocalDate workedTo,
            BigDecimal hours, String reference) {
        Optional<FrameOrder> order = orders.lock(frameOrderId);
        Optional<DrawDown> earlier = orders.drawDown(drawDownId);
        if (earlier.isPresent()) {
            announceAgain(earlier.get(), order.orElse(null));
            return;
        }
        if (order.isEmpty()) {
            reject(new DrawDown(drawDownId, frameOrderId, hours, DrawDownStatus.REJECTED, reference, null, null, clock.instant()),
                    null, "frame order " + frameOrderId + " does not exist");
            return;
        }
        FrameOrder frameOrder = order.get();
        try {
            DrawDown drawn = frameOrder.drawDown(drawDownId, customerId, workedFrom, workedTo, hours, reference, clock);
            orders.save(frameOrder);
            orders.record(drawn);
            events.drawnDown(frameOrder, drawn);
        } catch (DrawDownRefused refused) {
            reject(new DrawDown(drawDownId, frameOrderId, hours, DrawDownStatus.REJECTED, reference, null, null, clock.instant()),
                    frameOrder, refused.getMessage());
        }
    }

    /** Gives the hours back; a draw-down that has not arrived yet is barred, so it can never happen later. */
    public DrawDown reverse(UUID drawDownId, UUID frameOrderId, String reason) {
        Optional<FrameOrder> order = orders.lock(frameOrderId);
        Optional<DrawDown> earlier = orders.drawDown(drawDownId);
        if (earlier.isEmpty()) {
            DrawDown barred = new DrawDown(drawDownId, frameOrderId, BigDecimal.ZERO, DrawDownStatus.BARRED, null, null,
                    reason, clock.instant());
            orders.record(barred);
            events.drawDownReversed(barred, order.orElse(null), BigDecimal.ZERO);
            return barred;
        }
        DrawDown drawDown = earlier.get();
        if (drawDown.status() != DrawDownStatus.DRAWN) {
            announceAgain(drawDown, order.orElse(null));
            return drawDown;
        }
        FrameOrder frameOrder = order.orElseThrow(() -> new NotFound("no frame order " + frameOrderId));
        DrawDown reversed = frameOrder.reverse(drawDown, reason);
        orders.save(frameOrder);
        orders.record(reversed);
        events.drawDownReversed(reversed, frameOrder, reversed.hours());
        return reversed;
    }

    /** The invoice that billed a draw-down, for the frame order's history. */
    public void invoiceIssued(UUID drawDownId, String invoiceNumber) {
        orders.linkInvoice(drawDownId, invoiceNumber);
    }

    private void reject(DrawDown rejected, FrameOrder order, String reason) {
        DrawDown withReason = new DrawDown(rejected.id(), rejected.frameOrderId(), rejected.hours(), rejected.status(),
                rejected.reference(), null, reason, rejected.at());
        orders.record(withReason);
        events.drawDownRejected(withReason, order, reason);
    }

    private void announceAgain(DrawDown earlier, FrameOrder order) {
        switch (earlier.status()) {
            case DRAWN -> events.drawnDown(order, earlier);
            case REJECTED -> events.drawDownRejected(earlier, order, earlier.note());
            case REVERSED -> events.drawDownReversed(earlier, order, earlier.hours());
            case BARRED -> events.drawDownRejected(earlier, order, "the invoice run gave up on this draw-down: " + earlier.note());
        }
    }
}
