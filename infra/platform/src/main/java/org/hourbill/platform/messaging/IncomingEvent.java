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
        String id = text(headers.get(CloudEventHeaders.ID));
        String type = text(headers.get(CloudEventHeaders.TYPE));
        if (id == null || id.isBlank() || type == null || type.isBlank()) {
            throw new MalformedEvent("event without " + CloudEventHeaders.ID + " or " + CloudEventHeaders.TYPE + " header");
        }
        String time = text(headers.get(CloudEventHeaders.TIME));
        Object body = message.getPayload();
        byte[] payload = body instanceof byte[] bytes ? bytes : String.valueOf(body).getBytes(StandardCharsets.UTF_8);
        return new IncomingEvent(id, type, text(headers.get(CloudEventHeaders.SOURCE)), text(headers.get(CloudEventHeaders.SUBJECT)),
                time == null ? null : Instant.parse(time), text(headers.get(CloudEventHeaders.CORRELATION_ID)), payload);
    }

    private static String text(Object value) {
        if (value == null) return null;
        if (value instanceof byte[] bytes) return new String(bytes, StandardCharsets.UTF_8);
        return value.toString();
    }
}
