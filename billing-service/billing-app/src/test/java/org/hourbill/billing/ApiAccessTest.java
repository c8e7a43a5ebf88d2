package org.hourbill.billing;

import static java.util.Map.entry;

import java.util.List;
import java.util.Map;

import org.hourbill.testsupport.EndpointAccess;
import org.hourbill.testsupport.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.context.WebApplicationContext;

/**
 * Every endpoint of this service, who may call it, and proof that nobody else can: no token, expired, other issuer,
 * other audience, forged, no role or a wrong role is 401 or 403, never data (see {@link EndpointAccess}).
 */
@ServiceTest
class ApiAccessTest {
    private static final List<String> READERS = List.of("billing_clerk", "finance", "auditor");
    private static final List<String> CLERK = List.of("billing_clerk");
    private static final List<String> CLERK_OR_FINANCE = List.of("billing_clerk", "finance");
    private static final List<String> AUDIT = List.of("finance", "auditor");

    @Autowired
    WebApplicationContext context;

    @Test
    void every_endpoint_admits_only_its_roles() throws Exception {
        EndpointAccess.verify(context, Map.ofEntries(
                entry("GET /audit", AUDIT),
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
                entry("GET /invoice-runs/{id}", READERS),
                entry("GET /projects/{id}/billing", READERS),
                entry("PUT /projects/{id}/billing", CLERK_OR_FINANCE),
                entry("POST /projects/{id}/elements", CLERK_OR_FINANCE),
                entry("POST /projects/{id}/terms", CLERK_OR_FINANCE),
                entry("GET /projects/{id}/terms", READERS),
                entry("PUT /projects/{id}/activity-prices", CLERK_OR_FINANCE),
                entry("POST /catalog", CLERK_OR_FINANCE),
                entry("GET /catalog", READERS),
                entry("GET /catalog/{id}", READERS),
                entry("PUT /customers/{id}/billing-defaults", CLERK_OR_FINANCE),
                entry("GET /customers/{id}/billing-defaults", READERS)));
    }
}
