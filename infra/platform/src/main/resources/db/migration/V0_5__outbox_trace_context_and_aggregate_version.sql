-- W3C trace context of the work that wrote the event; the relay sends it on as the record's traceparent header,
-- so one saga or billing run is one trace across services.
alter table outbox_event add column traceparent varchar(64);

-- Each event carries its aggregate's version: 1, 2, 3... per key on a topic, so that a subscriber can see a gap or
-- a reordering. Assigned when the event is written, under the row lock of its key: versions follow commit order.
alter table outbox_event add column aggregateversion bigint;
create table aggregate_version (
    topic       varchar(200) not null,
    aggregateid varchar(200) not null,
    version     bigint       not null,
    primary key (topic, aggregateid)
);
