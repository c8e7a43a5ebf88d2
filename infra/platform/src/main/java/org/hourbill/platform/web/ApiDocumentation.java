package org.hourbill.platform.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * Makes each service's OpenAPI document one a client generator can use: the bearer token every operation needs, the
 * problem+json answers every operation may give (RFC 9457, with the field at fault in {@code errors}), and no
 * {@code /error}, which is the servlet container's and no operation of ours. Success statuses come from each handler's
 * {@code @ResponseStatus} (201 Created, 202 Accepted), so they read as the API answers.
 */
public final class ApiDocumentation implements OpenApiCustomizer {
    public static final String PROBLEM = "Problem";
    public static final String BEARER = "bearer";
    static final Map<String, String> PROBLEMS = problems();

    private static Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        problems.put("400", "Invalid request: a field is missing, of the wrong type or outside its rules (see errors[].field)");
        problems.put("401", "No valid bearer token");
        problems.put("403", "The token's roles do not allow this operation");
        problems.put("404", "No such resource");
        problems.put("409", "Not allowed in the resource's current state, or changed by someone else at the same moment");
        problems.put("422", "Understood but cannot be carried out as asked");
        problems.put("429", "Too many requests; retry after the time in Retry-After");
        return problems;
    }

    @Override
    public void customise(OpenAPI api) {
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.setComponents(components);
        components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("An access token of Hourbill's identity provider (or the one configured), audience hourbill-api"));
        components.addSchemas(PROBLEM, problemSchema());
        api.setSecurity(List.of(new SecurityRequirement().addList(BEARER)));
        if (api.getPaths() == null) return;
        api.getPaths().remove("/error");
        api.getPaths().values().forEach(path -> path.readOperations().forEach(ApiDocumentation::documentProblems));
    }

    private static void documentProblems(Operation operation) {
        var responses = operation.getResponses();
        PROBLEMS.forEach((status, description) -> responses.addApiResponse(status, problem(description)));
        if (operation.getRequestBody() != null) responses.addApiResponse("415", problem("The body is not application/json"));
        responses.addApiResponse("500", problem("Unexpected error; quote the correlationId"));
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType("application/problem+json",
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        Schema error = new ObjectSchema().addProperty("field", new StringSchema().description("the request field at fault"))
                .addProperty("message", new StringSchema());
        return new ObjectSchema().description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri"))
                .addProperty("correlationId", new StringSchema().description("quote it to support; it is in every log line of the request"))
                .addProperty("errors", new ArraySchema().items(error));
    }
}
