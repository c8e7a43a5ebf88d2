package org.hourbill.billing;

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
                entry("GET /customers/{customerId}/unbilled-entries", READERS),
                entry("GET /customers/{customerId}/realisation", READERS),
                entry("GET /customers/{customerId}", READERS),
                entry("POST /reviews", CLERK),
                entry("GET /reviews/{id}", READERS),
                entry("POST /reviews/{id}/decisions", CLERK),
                entry("POST /reviews/{id}/bill-all", CLERK),
                entry("POST /reviews/{id}/defer-all", CLERK),
                entry("GET /reviews/{id}/frame-orders", READERS),
                entry("PUT /reviews/{id}/options", CLERK),
                entry("POST /reviews/{id}/lines", CLERK),
                entry("PATCH /reviews/{id}/lines/{position}", CLERK),
                entry("DELETE /reviews/{id}/lines/{position}", CLERK),
                entry("GET /reviews/{id}/preview", READERS),
                entry("POST /reviews/{id}/generation", CLERK),
                entry("POST /reviews/{id}/closing", CLERK),
                entry("POST /customers/{customerId}/write-off-reversals", FINANCE),
                entry("GET /invoice-runs/{id}", READERS),
                entry("POST /billing-runs", CLERK_OR_FINANCE),
                entry("GET /billing-runs", READERS),
                entry("GET /billing-runs/{id}", READERS),
                entry("POST /billing-runs/{id}/start", CLERK_OR_FINANCE),
                entry("GET /billing-runs/{id}/report.csv", READERS),
                entry("GET /projects/{id}/billing", READERS),
                entry("PUT /projects/{id}/billing", CLERK_OR_FINANCE),
                entry("POST /projects/{id}/elements", CLERK_OR_FINANCE),
                entry("POST /projects/{id}/terms", CLERK_OR_FINANCE),
                entry("GET /projects/{id}/terms", READERS),
                entry("PUT /projects/{id}/terms/{termId}", CLERK_OR_FINANCE),
                entry("POST /projects/{id}/terms/{termId}/retirement", CLERK_OR_FINANCE),
                entry("PUT /projects/{id}/activity-prices", CLERK_OR_FINANCE),
                entry("POST /catalog", CLERK_OR_FINANCE),
                entry("GET /catalog", READERS),
                entry("GET /catalog/{id}", READERS),
                entry("PUT /catalog/{id}", CLERK_OR_FINANCE),
                entry("POST /catalog/{id}/retirement", CLERK_OR_FINANCE),
                entry("PUT /customers/{id}/billing-defaults", CLERK_OR_FINANCE),
                entry("GET /customers/{id}/billing-defaults", READERS));
    }
}
