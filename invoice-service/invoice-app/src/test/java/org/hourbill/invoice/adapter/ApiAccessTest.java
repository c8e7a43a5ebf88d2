package org.hourbill.invoice.adapter;

import static java.util.Map.entry;

import java.util.List;
import java.util.Map;

import org.hourbill.testsupport.EndpointAccessTest;
import org.hourbill.testsupport.ServiceTest;

/**
 * Every endpoint of this service and who may call it; the base test proves nobody else can: no token, expired, other
 * issuer, other audience, forged, no role or a wrong role is 401 or 403, never data.
 */
@ServiceTest
class ApiAccessTest extends EndpointAccessTest {

    @Override
    protected Map<String, List<String>> allowed() {
        return Map.ofEntries(
                AUDIT_LOG,
                entry("GET /credit-notes/{id}", READERS),
                entry("GET /invoices", READERS),
                entry("GET /time-entries/{entryId}/documents", READERS),
                entry("GET /invoices/totals", READERS),
                entry("GET /invoices/{id}", READERS),
                entry("GET /invoices/by-number/{number}", READERS),
                entry("GET /invoices/{id}/history", READERS),
                entry("POST /invoices/{id}/sending", CLERK_OR_FINANCE),
                entry("POST /invoices/{id}/voiding", FINANCE),
                entry("PUT /invoices/{id}", CLERK_OR_FINANCE),
                entry("PATCH /invoices/{id}", CLERK_OR_FINANCE),
                entry("DELETE /invoices/{id}", CLERK_OR_FINANCE),
                entry("GET /reports/billing", READERS),
                entry("GET /invoices/{id}/pdf", READERS),
                entry("GET /invoices/{id}/pdf/verification", READERS),
                entry("GET /invoices/{id}/factur-x", READERS),
                entry("GET /invoices/{id}/xrechnung", READERS),
                entry("GET /credit-notes/{id}/pdf", READERS),
                entry("GET /credit-notes/{id}/pdf/verification", READERS),
                entry("GET /credit-notes/{id}/factur-x", READERS),
                entry("GET /credit-notes/{id}/xrechnung", READERS),
                entry("PUT /customers/{customerId}/e-invoicing", CLERK_OR_FINANCE),
                entry("GET /customers/{customerId}/e-invoicing", READERS),
                entry("GET /customers", READERS),
                entry("GET /customers/{id}", READERS));
    }
}
