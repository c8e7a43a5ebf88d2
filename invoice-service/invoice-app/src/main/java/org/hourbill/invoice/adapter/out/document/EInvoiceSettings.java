package org.hourbill.invoice.adapter.out.document;

/**
 * What EN 16931 e-invoices need beyond the printed document ({@code hourbill.invoicing.e-invoice.*}): the firm's
 * country (assumed for addresses that name none), and the seller contact and electronic address XRechnung asks for.
 */
public record EInvoiceSettings(String country, String contactName, String contactPhone, String contactEmail) {
    public EInvoiceSettings {
        if (country == null || !country.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("hourbill.invoicing.e-invoice.country must be an ISO 3166 code such as DE, not " + country);
        }
    }
}
