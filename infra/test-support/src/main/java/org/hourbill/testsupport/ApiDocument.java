package org.hourbill.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.jayway.jsonpath.JsonPath;

/**
 * A service's published OpenAPI document is one a client generator can use: every operation mapped is in it with
 * its success status, its problem+json answers and the bearer scheme, and {@code /error} is not. A handler whose
 * status is decided at run time ({@code ResponseEntity}) must declare it with {@code @ResponseStatus}, which is what
 * the document shows.
 */
public final class ApiDocument {
    private static final List<String> PROBLEMS = List.of("400", "401", "403", "404", "409", "422", "429");

    private ApiDocument() {
    }

    /** The service's OpenAPI document as JSON. */
    static String fetch(org.springframework.test.web.servlet.MockMvc http) throws Exception {
        String body = http.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();
        // springdoc answers bytes; under MockMvc they come back as a JSON string in base64 (over HTTP they are the
        // document itself, which OperationsSystemTest reads)
        return body.startsWith("\"")
                ? new String(java.util.Base64.getDecoder().decode(JsonPath.<String>read(body, "$")), java.nio.charset.StandardCharsets.UTF_8)
                : body;
    }

    public static void verify(WebApplicationContext context) throws Exception {
        String document = fetch(MockMvcBuilders.webAppContextSetup(context).build());
        Map<String, Map<String, Object>> paths = JsonPath.read(document, "$.paths");
        assertThat(paths).as("the container's error page is no operation").doesNotContainKey("/error");
        assertThat(JsonPath.<String>read(document, "$.components.securitySchemes.bearer.scheme")).isEqualTo("bearer");
        assertThat(JsonPath.<List<Object>>read(document, "$.security[*].bearer")).isNotEmpty();

        List<String> documented = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            String name = method.toUpperCase() + " " + path;
            documented.add(name);
            Map<String, Object> responses = JsonPath.read(operation, "$.responses");
            assertThat(responses.keySet()).as("%s documents one success status", name).filteredOn(code -> code.startsWith("2")).hasSize(1);
            for (String problem : PROBLEMS) {
                assertThat(JsonPath.<Map<String, Object>>read(operation, "$.responses['" + problem + "'].content"))
                        .as("%s documents %s as problem+json", name, problem).containsKey("application/problem+json");
            }
        }));
        assertThat(documented).as("every mapped endpoint is documented").containsAll(EndpointAccess.endpoints(context).stream()
                .map(e -> e.replaceAll("\\{([^}/:]+)(:[^}]*)?}", "{$1}")).toList());

        var mapping = context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        for (Map.Entry<RequestMappingInfo, HandlerMethod> handler : mapping.getHandlerMethods().entrySet()) {
            HandlerMethod method = handler.getValue();
            if (!method.getBeanType().getName().startsWith("org.hourbill") || method.getBeanType().getName().contains("ErrorController")) continue;
            if (ResponseEntity.class.isAssignableFrom(method.getMethod().getReturnType())) {
                assertThat(method.hasMethodAnnotation(ResponseStatus.class))
                        .as("%s answers a ResponseEntity: declare its success status with @ResponseStatus so the API document shows it",
                                method.getShortLogMessage()).isTrue();
            }
            ResponseStatus status = method.getMethodAnnotation(ResponseStatus.class);
            if (status == null) continue;
            for (String pattern : handler.getKey().getPatternValues()) {
                for (var httpMethod : handler.getKey().getMethodsCondition().getMethods()) {
                    String code = String.valueOf(status.code().value());
                    assertThat(paths.get(pattern).get(httpMethod.name().toLowerCase())).as("%s %s", httpMethod, pattern)
                            .extracting(o -> JsonPath.<Map<String, Object>>read(o, "$.responses")).asInstanceOf(
                                    org.assertj.core.api.InstanceOfAssertFactories.MAP).as("%s %s documents %s", httpMethod, pattern, code)
                            .containsKey(code);
                }
            }
        }
    }
}
