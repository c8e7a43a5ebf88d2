package org.hourbill.platform.messaging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * A poll's records as the binder hands them over in batch mode (one message, a list of payloads and a list of header
 * maps in the same order), taken apart again into one message per record.
 */
final class EventBatch {
    private EventBatch() {
    }

    static List<Message<byte[]>> split(Message<? extends List<?>> batch) {
        List<?> payloads = batch.getPayload();
        List<Map<String, Object>> headers = headers(batch, payloads.size());
        List<Message<byte[]>> messages = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            messages.add(MessageBuilder.withPayload(bytes(payloads.get(i))).copyHeaders(headers.get(i)).build());
        }
        return messages;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> headers(Message<?> batch, int size) {
        Object converted = batch.getHeaders().get(KafkaHeaders.BATCH_CONVERTED_HEADERS);
        if (converted instanceof List<?> maps && maps.size() == size) return (List<Map<String, Object>>) maps;
        Object natives = batch.getHeaders().get(KafkaHeaders.NATIVE_HEADERS);
        List<Map<String, Object>> result = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Map<String, Object> map = new HashMap<>();
            if (natives instanceof List<?> list && list.size() == size && list.get(i) instanceof Headers recordHeaders) {
                for (Header h : recordHeaders) map.put(h.key(), h.value());
            }
            result.add(map);
        }
        return result;
    }

    private static byte[] bytes(Object payload) {
        if (payload instanceof byte[] b) return b;
        return payload == null ? new byte[0] : String.valueOf(payload).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
