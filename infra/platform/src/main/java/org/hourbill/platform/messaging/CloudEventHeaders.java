package org.hourbill.platform.messaging;

/**
 * CloudEvents 1.0 Kafka protocol binding, binary mode: the attributes travel as {@code ce_*} headers and the
 * record value is the JSON payload. {@code ce_type} is a stable versioned name ({@code EntriesApproved.v1}),
 * never a Java class name, so a package rename never breaks a consumer.
 */
public final class CloudEventHeaders {
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String SPEC_VERSION = "ce_specversion";
    /** Extension attribute: the correlation id of the request or event that caused this one. */
    public static final String CORRELATION_ID = "ce_correlationid";
    /**
     * Extension attribute: the version of the event's aggregate, 1, 2, 3... per key on a topic (a gap means an event not
     * seen yet, a lower one a reordering, the same one a redelivery).
     */
    public static final String AGGREGATE_VERSION = "ce_aggregateversion";
    public static final String CONTENT_TYPE = "content-type";

    private CloudEventHeaders() {
    }
}
