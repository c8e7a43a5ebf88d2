package org.hourbill.frameorder.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hourbill.frameorder.domain.DrawDown;
import org.hourbill.frameorder.domain.FrameOrder;
import org.hourbill.frameorder.domain.FrameOrderStatus;
import org.hourbill.frameorder.domain.FrameOrders;
import org.hourbill.platform.problem.ConflictingState;
import org.hourbill.platform.problem.InvalidField;
import org.hourbill.platform.problem.NotFound;
import org.hourbill.platform.problem.NotYetKnown;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opening, listing and closing frame orders, and their utilization with the full draw-down history. */
@Service
@Transactional
public class FrameOrderBook {
    private final FrameOrders orders;
    private final FrameOrderCustomerDirectory customers;

    FrameOrderBook(FrameOrders orders, FrameOrderCustomerDirectory customers) {
        this.orders = orders;
        this.customers = customers;
    }

    public FrameOrder open(UUID customerId, String poNumber, BigDecimal totalHours, LocalDate validFrom, LocalDate validTo) {
        if (customerId == null) throw new InvalidField("customerId", "a frame order belongs to a customer");
        // customers arrive by event from timesheets, usually within a second of being created there
        customers.find(customerId).orElseThrow(() -> new NotYetKnown("customerId", "customer " + customerId + " is not known to frame"
                + " orders (yet): one created a moment ago arrives within seconds, so retry; an id that never existed stays unknown", 1));
        FrameOrder order = FrameOrder.open(customerId, poNumber, totalHours, validFrom, validTo);
        if (orders.poNumberTaken(customerId, order.poNumber())) {
            throw new ConflictingState("poNumber", "this customer already has a frame order " + order.poNumber());
        }
        orders.add(order);
        return order;
    }

    @Transactional(readOnly = true)
    public List<FrameOrder> ofCustomer(UUID customerId, FrameOrderStatus status) {
        return orders.ofCustomer(customerId, status);
    }

    @Transactional(readOnly = true)
    public Utilization utilization(UUID id) {
        FrameOrder order = orders.find(id).orElseThrow(() -> new NotFound("no frame order " + id));
        return new Utilization(order, orders.history(id));
    }

    public FrameOrder close(UUID id) {
        FrameOrder order = orders.lock(id).orElseThrow(() -> new NotFound("no frame order " + id));
        order.close();
        orders.save(order);
        return order;
    }

    /** A frame order with every draw-down it has seen, oldest first. */
    public record Utilization(FrameOrder order, List<DrawDown> drawDowns) {
    }
}
