package org.hourbill.platform.security;

/**
 * The people who work in Hourbill, as the {@code roles} claim of their access token names them. Spring sees each as the
 * authority {@code ROLE_<NAME>}; the claim's values are matched without regard to case.
 */
public final class Roles {
    /** Approves or rejects consultants' time. */
    public static final String APPROVER = "APPROVER";
    /** Runs billing reviews and generates invoices. */
    public static final String BILLING_CLERK = "BILLING_CLERK";
    /** Frame orders, payments, voids and credit notes. */
    public static final String FINANCE = "FINANCE";
    /** Reads everything, changes nothing. */
    public static final String AUDITOR = "AUDITOR";

    private Roles() {
    }
}
