package org.hourbill.invoice.domain;

/** How an invoice reached the customer. */
public enum SendMode {
    EMAIL, PORTAL, POST
}
