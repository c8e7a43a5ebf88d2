package org.hourbill.frameorder.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where frame orders and their draw-downs are kept. */
public interface FrameOrders {
    void add(FrameOrder order);

    Optional<FrameOrder> find(UUID id);

    /** Reads the order and holds it until the transaction ends: draw-downs of one order happen one at a time. */
    Optional<FrameOrder> lock(UUID id);

    void save(FrameOrder order);

    List<FrameOrder> ofCustomer(UUID customerId, FrameOrderStatus status);

    boolean poNumberTaken(UUID customerId, String poNumber);

    Optional<DrawDown> drawDown(UUID drawDownId);

    void record(DrawDown drawDown);

    /** Names the invoice that billed a draw-down; returns false if there is no such draw-down. */
    boolean linkInvoice(UUID drawDownId, String invoiceNumber);

    List<DrawDown> history(UUID frameOrderId);
}
