package org.hourbill.frameorder.adapter;

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
    private static final List<String> FINANCE = List.of("finance");
    private static final List<String> AUDIT = List.of("finance", "auditor");

    @Autowired
    WebApplicationContext context;

    @Test
    void every_endpoint_admits_only_its_roles() throws Exception {
        EndpointAccess.verify(context, Map.ofEntries(
                entry("GET /audit", AUDIT),
                entry("POST /frame-orders", FINANCE),
                entry("GET /frame-orders", READERS),
                entry("GET /frame-orders/{id}", READERS),
                entry("POST /frame-orders/{id}/closure", FINANCE),
                entry("POST /frame-orders/{id}/draw-downs/{drawDownId}/reversal", FINANCE),
                entry("GET /customers", READERS),
                entry("GET /customers/{id}", READERS)));
    }
}
