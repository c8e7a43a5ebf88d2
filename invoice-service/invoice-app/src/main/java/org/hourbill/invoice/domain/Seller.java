package org.hourbill.invoice.domain;

/** Who issues the invoices: frozen into each one, so a later change of address never rewrites history. */
public record Seller(String name, String address, String taxId, String iban, String bic, String bankName) {
}
