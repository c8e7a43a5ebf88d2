package org.hourbill.platform.outbox;

/**
 * An event to publish once the current transaction commits.
 *
 * @param topic         Kafka topic
 * @param type          stable versioned type name, e.g. {@code EntriesApproved.v1}
 * @param aggregateType the kind of aggregate that changed, e.g. {@code customer}
 * @param aggregateId   the record key: events with the same key keep their order
 * @param subject       what the event is about (CloudEvents {@code subject}), may be null
 * @param payload       a record serialised to JSON
 */
public record OutgoingEvent(String topic, String type, String aggregateType, String aggregateId, String subject,
        Object payload) {
}
