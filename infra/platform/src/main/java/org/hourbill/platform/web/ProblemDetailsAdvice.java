package org.hourbill.platform.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.hourbill.platform.problem.ConflictingState;
import org.hourbill.platform.problem.InvalidField;
import org.hourbill.platform.problem.NotFound;
import org.hourbill.platform.problem.NotYetKnown;
import org.hourbill.platform.problem.UnprocessableRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import jakarta.validation.ConstraintViolationException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every error into RFC 9457 problem+json. Validation problems carry {@code errors: [{field, message}]}
 * so a client can show the message next to the field at fault; nothing ever leaks a stack trace.
 */
@RestControllerAdvice
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    private static final String TYPE_BASE = "https://hourbill.org/problems/";
    /** What only Hourbill sets; a request carrying one is refused with a message saying so, never silently ignored. */
    private static final java.util.Set<String> SYSTEM_FIELDS = java.util.Set.of("id", "status", "number", "invoiceNumber",
            "subtotal", "tax", "total", "totals", "amountDue", "issuedOn", "issuedAt", "issueDate", "issuedDate", "dueDate",
            "billedHours", "remainingHours", "utilization", "createdAt", "approvedAt", "approvedBy", "by");

    @ExceptionHandler(InvalidField.class)
    ResponseEntity<Object> invalidField(InvalidField e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-field", "Invalid request", e.getMessage(),
                List.of(new FieldError(e.field(), e.getMessage())));
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<Object> notFound(NotFound e) {
        if (e.field() != null) {
            return problem(HttpStatus.BAD_REQUEST, "unknown-reference", "Unknown reference", e.getMessage(),
                    List.of(new FieldError(e.field(), e.getMessage())));
        }
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage(), List.of());
    }

    @ExceptionHandler(ConflictingState.class)
    ResponseEntity<Object> conflict(ConflictingState e) {
        return problem(HttpStatus.CONFLICT, "conflicting-state", "Not allowed in the current state", e.getMessage(),
                e.field() == null ? List.of() : List.of(new FieldError(e.field(), e.getMessage())));
    }

    @ExceptionHandler(NotYetKnown.class)
    ResponseEntity<Object> notYetKnown(NotYetKnown e) {
        ResponseEntity<Object> problem = problem(HttpStatus.CONFLICT, "not-yet-known", "Not known here yet", e.getMessage(),
                List.of(new FieldError(e.field(), e.getMessage())));
        return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds())).body(problem.getBody());
    }

    @ExceptionHandler(UnprocessableRequest.class)
    ResponseEntity<Object> unprocessable(UnprocessableRequest e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "unprocessable", "Cannot be carried out as asked", e.getMessage(),
                e.field() == null ? List.of() : List.of(new FieldError(e.field(), e.getMessage())));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException e) {
        var errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage())).toList();
        return problem(HttpStatus.BAD_REQUEST, "invalid-field", "Invalid request", "The request has invalid fields.", errors);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        String message = "'" + e.getValue() + "' is not a valid value";
        return problem(HttpStatus.BAD_REQUEST, "invalid-field", "Invalid request", message,
                List.of(new FieldError(e.getName(), message)));
    }

    /**
     * Last resort. What the database refused (a race for the same row or key, a value its columns cannot take) is the
     * client's problem and answers 409 or 400; a database out of reach answers 503 with Retry-After; anything else is logged with the correlation id and answers 500
     * without internals.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        var refusal = DatabaseRefusals.of(e);
        if (refusal.isPresent()) {
            var r = refusal.get();
            var answer = problem(r.status(), r.type(), r.title(), r.detail(), r.field() == null ? List.of() : List.of(new FieldError(r.field(), r.detail())));
            if (r.status() == HttpStatus.SERVICE_UNAVAILABLE) {
                log.warn("Database unavailable: {}", e.toString());
                return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                        .header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseRefusals.RETRY_AFTER_SECONDS)).body(answer.getBody());
            }
            log.info("Refused by the database: {} ({})", r.detail(), e.toString());
            return answer;
        }
        log.error("Unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "The request could not be completed; quote correlation id " + CorrelationIdFilter.current() + ".", List.of());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        var errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), f.getDefaultMessage())).toList();
        return problem(HttpStatus.BAD_REQUEST, "invalid-field", "Invalid request", "The request has invalid fields.", errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(err -> new FieldError(r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, "invalid-field", "Invalid request", "The request has invalid parameters.", errors);
    }

    /** Unknown fields, wrong types and broken JSON: 400 naming the field, never 500. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        DatabindException cause = databindCause(e);
        if (cause instanceof UnrecognizedPropertyException unknown && SYSTEM_FIELDS.contains(unknown.getPropertyName())) {
            String field = unknown.getPropertyName();
            return problem(HttpStatus.BAD_REQUEST, "system-field", "Field set by the system",
                    "Field '" + field + "' is set by Hourbill itself and cannot be given in a request.",
                    List.of(new FieldError(field, "set by the system")));
        }
        if (cause instanceof RequestValueRules.UnacceptableValue unacceptable) {
            String field = pathOf(unacceptable);
            String message = "Field '" + field + "' " + unacceptable.getOriginalMessage() + ".";
            return problem(HttpStatus.BAD_REQUEST, "invalid-field", "Invalid request", message, List.of(new FieldError(field, message)));
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = unknown.getPropertyName();
            return problem(HttpStatus.BAD_REQUEST, "unknown-field", "Unknown field", "Field '" + field + "' is not part of this request.",
                    List.of(new FieldError(field, "unknown field")));
        }
        if (cause != null && !cause.getPath().isEmpty()) {
            String field = pathOf(cause);
            return problem(HttpStatus.BAD_REQUEST, "invalid-field", "Invalid request", "Field '" + field + "' has a value of the wrong type or format.",
                    List.of(new FieldError(field, "wrong type or format")));
        }
        return problem(HttpStatus.BAD_REQUEST, "unreadable-body", "Unreadable request body", "The request body is not valid JSON for this request.", List.of());
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail detail) {
            if (detail.getType() == null || detail.getType().equals(URI.create("about:blank"))) {
                detail.setType(URI.create(TYPE_BASE + statusCode.value()));
            }
            detail.setProperty("correlationId", CorrelationIdFilter.current());
        }
        return response;
    }

    private static DatabindException databindCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DatabindException bind) return bind;
        }
        return null;
    }

    private static String pathOf(DatabindException e) {
        StringBuilder path = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) path.append('.');
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String type, String title, String detail, List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors.stream().map(f -> Map.of("field", f.field(), "message", f.message())).toList());
        }
        problem.setProperty("correlationId", CorrelationIdFilter.current());
        return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    record FieldError(String field, String message) {
        FieldError {
            field = field == null ? "" : field;
            message = message == null ? "invalid" : message;
        }
    }
}
