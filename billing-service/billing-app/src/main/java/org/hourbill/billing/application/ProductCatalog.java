package org.hourbill.billing.application;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hourbill.billing.domain.plan.CatalogItem;

/** Persistence port of the catalog of products and services that manual bill lines start from. */
public interface ProductCatalog {
    void add(CatalogItem item);

    /** Saves a changed or retired item; refused when it was retired meanwhile. */
    void saveOffered(CatalogItem item);

    Optional<CatalogItem> find(UUID id);

    /** By name; retired items only when asked for. */
    List<CatalogItem> all(boolean withRetired);
}
