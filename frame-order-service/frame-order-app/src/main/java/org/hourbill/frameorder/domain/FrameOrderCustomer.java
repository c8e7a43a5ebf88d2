package org.hourbill.frameorder.domain;

import java.util.UUID;

/** A customer as frame orders need it: frame orders belong to one customer and are drawn only for it. */
public record FrameOrderCustomer(UUID id, String name) {
}
