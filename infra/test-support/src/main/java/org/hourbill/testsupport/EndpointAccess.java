package org.hourbill.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import jakarta.servlet.Filter;

/**
 * Proves a service's access rules endpoint by endpoint. The service's test states, for every endpoint it has, which
 * roles may call it; this finds every endpoint the running service really maps, fails if one is missing from the
 * statement, and calls each one with no token, an expired token, a token of another issuer, of another audience, a
 * forged one, a token without roles and a token of each role that is not allowed: 401 or 403 each, as problem+json,
 * never data. Each allowed role must get past security (anything but 401 and 403, and never a 500).
 */
public final class EndpointAccess {
    private static final List<String> NO_ROLE = List.of();

    private EndpointAccess() {
    }

    /** {@code "METHOD /pattern"} of every endpoint the service maps, its own API docs and error page aside. */
    public static List<String> endpoints(WebApplicationContext context) {
        var mapping = context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        List<String> found = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> handler : mapping.getHandlerMethods().entrySet()) {
            String owner = handler.getValue().getBeanType().getName();
            if (owner.startsWith("org.springdoc") || owner.contains("ErrorController")) continue;
            for (String pattern : handler.getKey().getPatternValues()) {
                var methods = handler.getKey().getMethodsCondition().getMethods();
                assertThat(methods).as("%s maps every HTTP method; name them", pattern).isNotEmpty();
                methods.forEach(method -> found.add(method.name() + " " + pattern));
            }
        }
        return found.stream().sorted().toList();
    }

    /**
     * @param allowed for each {@code "METHOD /pattern"}, the roles (as in the token, e.g. {@code billing_clerk}) that may
     *                call it
     */
    public static void verify(WebApplicationContext context, Map<String, List<String>> allowed) throws Exception {
        assertThat(new TreeMap<>(allowed).keySet()).as("the access statement names exactly the endpoints the service maps")
                .containsExactlyElementsOf(endpoints(context));
        MockMvc http = MockMvcBuilders.webAppContextSetup(context)
                .addFilters(context.getBean("springSecurityFilterChain", Filter.class)).build();
        TestIdentity identity = TestIdentity.get();
        List<String> checked = new ArrayList<>();
        for (var endpoint : new TreeMap<>(allowed).entrySet()) {
            String method = endpoint.getKey().substring(0, endpoint.getKey().indexOf(' '));
            String url = endpoint.getKey().substring(method.length() + 1).replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            expect(http, method, url, null, 401, endpoint.getKey() + " without a token");
            List<String> everyRole = TestIdentity.ALL_ROLES;
            expect(http, method, url, identity.expiredToken(everyRole), 401, endpoint.getKey() + " with an expired token");
            expect(http, method, url, identity.tokenOfOtherIssuer(everyRole), 401, endpoint.getKey() + " from another issuer");
            expect(http, method, url, identity.tokenForOtherAudience(everyRole), 401, endpoint.getKey() + " for another audience");
            expect(http, method, url, identity.forgedToken(everyRole), 401, endpoint.getKey() + " with a forged token");
            expect(http, method, url, identity.token("no-role", NO_ROLE), 403, endpoint.getKey() + " without a role");
            for (String role : TestIdentity.ALL_ROLES) {
                String token = identity.token(role + "-user", List.of(role));
                if (endpoint.getValue().contains(role)) {
                    MvcResult result = call(http, method, url, token);
                    assertThat(result.getResponse().getStatus()).as("%s as %s must pass security", endpoint.getKey(), role)
                            .isNotIn(401, 403, 500);
                } else {
                    expect(http, method, url, token, 403, endpoint.getKey() + " as " + role);
                }
            }
            checked.add(endpoint.getKey());
        }
        assertThat(checked).hasSize(allowed.size());
    }

    private static void expect(MockMvc http, String method, String url, String token, int status, String what) throws Exception {
        MvcResult result = call(http, method, url, token);
        assertThat(result.getResponse().getStatus()).as(what).isEqualTo(status);
        assertThat(result.getResponse().getContentType()).as(what).startsWith("application/problem+json");
        assertThat(result.getResponse().getContentAsString()).as(what).contains("\"status\":" + status);
    }

    private static MvcResult call(MockMvc http, String method, String url, String token) throws Exception {
        var request = request(HttpMethod.valueOf(method), url).contentType("application/json").content("{}");
        if (token != null) request.header("Authorization", "Bearer " + token);
        return http.perform(request).andReturn();
    }
}
