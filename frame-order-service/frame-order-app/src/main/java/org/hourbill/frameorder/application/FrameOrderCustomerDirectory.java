package org.hourbill.frameorder.application;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hourbill.frameorder.domain.FrameOrderCustomer;

/** This service's own copy of the customers timesheets announce (a persistence port); the latest event wins. */
public interface FrameOrderCustomerDirectory {
    void remember(FrameOrderCustomer customer);

    Optional<FrameOrderCustomer> find(UUID id);

    List<FrameOrderCustomer> all();
}
