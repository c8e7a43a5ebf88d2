-- Platform tables every service has (infra/platform). Service migrations start at V1.

-- Transactional outbox; columns as in Debezium's outbox event router, plus what the CloudEvents envelope needs.
create table outbox_event (
    position       bigint generated always as identity primary key,
    id             uuid         not null unique,
    aggregatetype  varchar(100) not null,
    aggregateid    varchar(200) not null,
    type           varchar(200) not null,
    topic          varchar(200) not null,
    subject        varchar(200),
    source         varchar(100) not null,
    correlation_id varchar(64),
    payload        json         not null, -- json, not jsonb: validated but kept as written, no parse cost
    timestamp      timestamptz  not null
);

-- Idempotent consumer: one row per (consumer, event) processed, written with the event's effect.
create table processed_event (
    consumer     varchar(100) not null,
    event_id     varchar(200) not null,
    processed_at timestamptz  not null,
    primary key (consumer, event_id)
);
