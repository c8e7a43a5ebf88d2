package org.hourbill.invoice.application;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hourbill.invoice.domain.Buyer;

/** This service's own copy of the customers timesheets announce (a persistence port); the latest event wins. */
public interface BuyerDirectory {
    void remember(Buyer customer);

    Optional<Buyer> find(UUID id);

    List<Buyer> all();
}
