package org.hourbill.frameorder.events;

import java.util.UUID;

/**
 * {@code FrameOrderDrawDownRejected.v1}: nothing was drawn.
 *
 * @param reason for a person, e.g. "frame order PO-7 has 12.5 h left, this invoice needs 40 h"
 */
public record FrameOrderDrawDownRejected(UUID drawDownId, UUID frameOrderId, UUID customerId, String reason) {
    public static final String TYPE = "FrameOrderDrawDownRejected.v1";
}
