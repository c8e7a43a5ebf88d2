package org.hourbill.billing.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The frame orders of a customer, as frame-order-service knows them now (a port; the service may be down). */
public interface FrameOrderDirectory {
    Lookup openFrameOrders(UUID customerId);

    record FrameOrder(UUID frameOrderId, UUID customerId, String poNumber, BigDecimal totalHours, BigDecimal remainingHours,
            LocalDate validFrom, LocalDate validTo, String status) {
        public boolean validOn(LocalDate day) {
            return !day.isBefore(validFrom) && !day.isAfter(validTo);
        }

        /** Valid for all the work of the period, as frame-order-service will check when drawing. */
        public boolean validFor(LocalDate workedFrom, LocalDate workedTo) {
            return !workedFrom.isBefore(validFrom) && !workedTo.isAfter(validTo);
        }
    }

    /** @param unavailable why the frame orders could not be read, or null when they could */
    record Lookup(List<FrameOrder> frameOrders, String unavailable) {
        public static Lookup of(List<FrameOrder> frameOrders) {
            return new Lookup(frameOrders, null);
        }

        public static Lookup unavailable(String why) {
            return new Lookup(List.of(), why);
        }

        public boolean available() {
            return unavailable == null;
        }
    }
}
