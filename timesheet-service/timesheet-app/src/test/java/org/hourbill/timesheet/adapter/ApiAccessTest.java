package org.hourbill.timesheet.adapter;

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
    private static final List<String> EVERYONE = List.of("approver", "billing_clerk", "finance", "auditor");
    private static final List<String> APPROVER = List.of("approver");
    private static final List<String> CLERK_OR_FINANCE = List.of("billing_clerk", "finance");
    private static final List<String> AUDIT = List.of("finance", "auditor");

    @Autowired
    WebApplicationContext context;

    @Test
    void every_endpoint_admits_only_its_roles() throws Exception {
        EndpointAccess.verify(context, Map.ofEntries(
                entry("GET /audit", AUDIT),
                entry("GET /customers", EVERYONE),
                entry("GET /customers/{id}", EVERYONE),
                entry("POST /customers", CLERK_OR_FINANCE),
                entry("PUT /customers/{id}", CLERK_OR_FINANCE),
                entry("GET /resources", EVERYONE),
                entry("POST /resources", CLERK_OR_FINANCE),
                entry("GET /projects", EVERYONE),
                entry("POST /projects", CLERK_OR_FINANCE),
                entry("PUT /projects/{id}/rates/{role}", CLERK_OR_FINANCE),
                entry("GET /time-entries", EVERYONE),
                entry("GET /time-entries/{id}", EVERYONE),
                entry("POST /time-entries", APPROVER),
                entry("PUT /time-entries/{id}", APPROVER),
                entry("POST /time-entries/submissions", APPROVER),
                entry("POST /time-entries/approvals", APPROVER),
                entry("POST /time-entries/rejections", APPROVER),
                entry("POST /time-entries/reopenings", APPROVER)));
    }
}
