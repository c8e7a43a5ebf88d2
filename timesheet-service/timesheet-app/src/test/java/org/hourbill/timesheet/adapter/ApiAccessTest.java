package org.hourbill.timesheet.adapter;

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
                entry("GET /customers", EVERYONE),
                entry("GET /customers/{id}", EVERYONE),
                entry("POST /customers", CLERK_OR_FINANCE),
                entry("PUT /customers/{id}", CLERK_OR_FINANCE),
                entry("GET /resources", EVERYONE),
                entry("POST /resources", CLERK_OR_FINANCE),
                entry("GET /projects", EVERYONE),
                entry("POST /projects", CLERK_OR_FINANCE),
                entry("PUT /projects/{id}", CLERK_OR_FINANCE),
                entry("PUT /projects/{id}/rates/{role}", CLERK_OR_FINANCE),
                entry("GET /time-entries", EVERYONE),
                entry("GET /time-entries/{id}", EVERYONE),
                entry("POST /time-entries", APPROVER),
                entry("PUT /time-entries/{id}", APPROVER),
                entry("POST /time-entries/submissions", APPROVER),
                entry("POST /time-entries/approvals", APPROVER),
                entry("POST /time-entries/rejections", APPROVER),
                entry("POST /time-entries/reopenings", APPROVER),
                entry("POST /time-entries/valuations", EVERYONE));
    }
}
