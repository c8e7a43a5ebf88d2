package org.hourbill.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import org.springframework.messaging.Message;

/** An event as received: its CloudEvents attributes and its raw JSON payload. */
public record IncomingEvent(String id, String type, String source, String subject, Instant time, String correlationId,
        byte[] payload) {

    /** Reads the envelope; an event without id or type cannot be processed safely and is refused. */
    public static IncomingEvent from(Message<?> message) {
        Map<String, Object> headers = message.getHeaders();
        String id = attribute(headers, "id");
        String type = attribute(headers, "type");
        if (id == null || id.isBlank() || type == null || type.isBlank()) {
            throw new MalformedEvent("event without " + CloudEventHeaders.ID + " or " + CloudEventHeaders.TYPE
                    + " header; headers: " + headers.keySet());
        }
        String time = attribute(headers, "time");
        Object body = message.getPayload();
        byte[] payload = body instanceof byte[] bytes ? bytes : String.valueOf(body).getBytes(StandardCharsets.UTF_8);
        try {
            return new IncomingEvent(id, type, attribute(headers, "source"), attribute(headers, "subject"),
                    time == null ? null : Instant.parse(time), attribute(headers, "correlationid"), payload);
        } catch (java.time.format.DateTimeParseException e) {
            throw new MalformedEvent("event " + id + " has an unreadable ce_time '" + time + "'", e);
        }
    }

    /**
     * A CloudEvents attribute, whichever prefix carries it: {@code ce_} on Kafka, but Spring Cloud Function
     * rewrites recognised CloudEvents headers to its canonical {@code ce-} form before the function sees them.
     */
    private static String attribute(Map<String, Object> headers, String name) {
        for (String prefix : new String[] {"ce_", "ce-", "ce."}) {
            String value = text(headers.get(prefix + name));
            if (value != null) return value;
        }
        return null;
    }

    private static String text(Object value) {
        if (value == null) return null;
        if (value instanceof byte[] bytes) return new String(bytes, StandardCharsets.UTF_8);
        return value.toString();
    }
}
