package org.hourbill.payment.adapter;

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
                entry("GET /receivables/{invoiceId}", READERS),
                entry("GET /receivables/ageing", READERS),
                entry("GET /receivables/overdue", READERS),
                entry("GET /customers/{customerId}/credit", READERS),
                entry("POST /payments", FINANCE),
                entry("GET /payments", READERS),
                entry("GET /payments/{id}", READERS),
                entry("POST /payments/{id}/reversal", FINANCE),
                entry("GET /customers", READERS),
                entry("GET /customers/{id}", READERS));
    }
}
