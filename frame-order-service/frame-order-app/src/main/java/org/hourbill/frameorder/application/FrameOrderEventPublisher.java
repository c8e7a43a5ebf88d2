package org.hourbill.frameorder.application;

import org.hourbill.frameorder.domain.DrawDown;
import org.hourbill.frameorder.domain.FrameOrder;

/** Announces draw-down outcomes; called inside the transaction that decided them. */
public interface FrameOrderEventPublisher {
    void drawnDown(FrameOrder order, DrawDown drawDown);

    void drawDownRejected(DrawDown drawDown, FrameOrder orderOrNull, String reason);

    /** @param hoursGivenBack 0 when the draw-down had not happened (it is barred now) */
    void drawDownReversed(DrawDown drawDown, FrameOrder orderOrNull, java.math.BigDecimal hoursGivenBack);
}
