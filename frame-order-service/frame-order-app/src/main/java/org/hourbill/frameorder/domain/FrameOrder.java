package org.hourbill.frameorder.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.hourbill.platform.problem.ConflictingState;
import org.hourbill.platform.problem.InvalidField;

/**
 * A customer's blanket purchase order: a pool of pre-agreed hours, valid for a period, that invoices draw down.
 * The rules live here: never beyond the remaining hours, never outside the validity period, never for another
 * customer, never from a closed order.
 */
public final class FrameOrder {
    private final UUID id;
    private final UUID customerId;
    private final String poNumber;
    private final BigDecimal totalHours;
    private final LocalDate validFrom;
    private final LocalDate validTo;
    private BigDecimal billedHours;
    private FrameOrderStatus status;

    private FrameOrder(UUID id, UUID customerId, String poNumber, BigDecimal totalHours, LocalDate validFrom,
            LocalDate validTo, BigDecimal billedHours, FrameOrderStatus status) {
        this.id = id;
        this.customerId = customerId;
        this.poNumber = poNumber;
        this.totalHours = totalHours;
        this.validFrom = validFrom;
        this.validTo = validTo;
        this.billedHours = billedHours;
        this.status = status;
    }

    public static FrameOrder open(UUID customerId, String poNumber, BigDecimal totalHours, LocalDate validFrom, LocalDate validTo) {
        if (poNumber == null || poNumber.isBlank()) throw new InvalidField("poNumber", "a frame order needs the customer's PO number");
        if (totalHours == null || totalHours.signum() <= 0) throw new InvalidField("totalHours", "total hours must be more than 0");
        if (totalHours.scale() > 2) throw new InvalidField("totalHours", "total hours have at most 2 decimals");
        if (validFrom == null) throw new InvalidField("validFrom", "a frame order needs the first day it is valid");
        if (validTo == null) throw new InvalidField("validTo", "a frame order needs the last day it is valid");
        if (validTo.isBefore(validFrom)) throw new InvalidField("validTo", "the validity ends before it starts");
        return new FrameOrder(UUID.randomUUID(), customerId, poNumber.strip(), totalHours, validFrom, validTo,
                BigDecimal.ZERO, FrameOrderStatus.OPEN);
    }

    public static FrameOrder restore(UUID id, UUID customerId, String poNumber, BigDecimal totalHours, LocalDate validFrom,
            LocalDate validTo, BigDecimal billedHours, FrameOrderStatus status) {
        return new FrameOrder(id, customerId, poNumber, totalHours, validFrom, validTo, billedHours, status);
    }

    /** Takes the hours of an invoice dated {@code on}, checking validity on that date (when the work's period is unknown). */
    public DrawDown drawDown(UUID drawDownId, UUID forCustomer, LocalDate on, BigDecimal hours, String reference, Clock clock) {
        return drawDown(drawDownId, forCustomer, on, on, hours, reference, clock);
    }

    /**
     * Takes the hours of work done from {@code workedFrom} to {@code workedTo}, or refuses with a reason a person
     * understands. The order must be valid for all of that work: a PO valid from 1 December does not absorb November.
     */
    public DrawDown drawDown(UUID drawDownId, UUID forCustomer, LocalDate workedFrom, LocalDate workedTo, BigDecimal hours,
            String reference, Clock clock) {
        if (!customerId.equals(forCustomer)) {
            throw new DrawDownRefused("frame order " + poNumber + " belongs to another customer");
        }
        if (status == FrameOrderStatus.CLOSED) throw new DrawDownRefused("frame order " + poNumber + " is closed");
        if (hours == null || hours.signum() <= 0) throw new DrawDownRefused("a draw-down needs more than 0 hours");
        if (workedFrom.isBefore(validFrom) || workedTo.isAfter(validTo)) {
            throw new DrawDownRefused("frame order " + poNumber + " is valid from " + validFrom + " to " + validTo + ", "
                    + (workedFrom.equals(workedTo) ? "not on " + workedFrom : "not for work done from " + workedFrom + " to " + workedTo));
        }
        if (hours.compareTo(remainingHours()) > 0) {
            throw new DrawDownRefused("frame order " + poNumber + " has " + plain(remainingHours()) + " h left, this invoice needs "
                    + plain(hours) + " h");
        }
        billedHours = billedHours.add(hours);
        if (remainingHours().signum() == 0) status = FrameOrderStatus.EXHAUSTED;
        return new DrawDown(drawDownId, id, hours, DrawDownStatus.DRAWN, reference, null, null, clock.instant(), billedHours);
    }

    /** Gives a draw-down's hours back; an exhausted order is open again. */
    public DrawDown reverse(DrawDown drawDown, String reason) {
        if (drawDown.status() != DrawDownStatus.DRAWN) return drawDown;
        billedHours = billedHours.subtract(drawDown.hours());
        if (status == FrameOrderStatus.EXHAUSTED) status = FrameOrderStatus.OPEN;
        return drawDown.reversed(reason);
    }

    public void close() {
        if (status == FrameOrderStatus.CLOSED) throw new ConflictingState("frame order " + poNumber + " is already closed");
        status = FrameOrderStatus.CLOSED;
    }

    public BigDecimal remainingHours() {
        return totalHours.subtract(billedHours);
    }

    /** Billed over total hours, in percent with one decimal. */
    public BigDecimal utilizationPercent() {
        return billedHours.multiply(BigDecimal.valueOf(100)).divide(totalHours, 1, RoundingMode.HALF_UP);
    }

    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && !day.isAfter(validTo);
    }

    private static String plain(BigDecimal hours) {
        return hours.stripTrailingZeros().toPlainString();
    }

    public UUID id() { return id; }
    public UUID customerId() { return customerId; }
    public String poNumber() { return poNumber; }
    public BigDecimal totalHours() { return totalHours; }
    public BigDecimal billedHours() { return billedHours; }
    public LocalDate validFrom() { return validFrom; }
    public LocalDate validTo() { return validTo; }
    public FrameOrderStatus status() { return status; }
}
