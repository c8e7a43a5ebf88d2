package org.hourbill.testsupport;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.context.WebApplicationContext;

/**
 * Base of each service's {@code ApiAccessTest} (annotated {@link ServiceTest}): the service states who may call each
 * of its endpoints, and {@link EndpointAccess} proves nobody else can. Role names as in the token's {@code roles}.
 */
public abstract class EndpointAccessTest {
    protected static final List<String> EVERYONE = List.of("approver", "billing_clerk", "finance", "auditor");
    protected static final List<String> READERS = List.of("billing_clerk", "finance", "auditor");
    protected static final List<String> APPROVER = List.of("approver");
    protected static final List<String> CLERK = List.of("billing_clerk");
    protected static final List<String> FINANCE = List.of("finance");
    protected static final List<String> CLERK_OR_FINANCE = List.of("billing_clerk", "finance");
    /** The audit log every service has. */
    protected static final Map.Entry<String, List<String>> AUDIT_LOG = Map.entry("GET /audit", List.of("finance", "auditor"));

    @Autowired
    WebApplicationContext context;
    @Autowired
    org.springframework.test.web.servlet.MockMvc http;

    /** Every endpoint the service maps, as {@code "METHOD /pattern"}, with the roles that may call it. */
    protected abstract Map<String, List<String>> allowed();

    @Test
    void every_endpoint_admits_only_its_roles() throws Exception {
        EndpointAccess.verify(context, allowed());
    }

    @Test
    void the_api_document_serves_a_client_generator() throws Exception {
        ApiDocument.verify(context);
    }

    /** Seed from {@code -Dhourbill.fuzz.seed} to replay a failure; requests from {@code -Dhourbill.fuzz.per-operation}. */
    @Test
    void no_generated_or_mutated_request_is_answered_5xx() throws Exception {
        long seed = Long.getLong("hourbill.fuzz.seed", 20261203L);
        int sent = ApiFuzzing.verify(http, seed, Integer.getInteger("hourbill.fuzz.per-operation", 40));
        org.assertj.core.api.Assertions.assertThat(sent).as("requests sent").isGreaterThanOrEqualTo(300);
    }
}
