-- Requests carried out under an Idempotency-Key (infra/platform IdempotentRequests): the answer each key got, so the
-- same request sent again (a client's or the gateway's retry) is answered the same and carried out once.
-- Written in the transaction of the request's own change; kept 24 hours.
create table idempotent_request (
    caller          varchar(200)  not null,
    idempotency_key varchar(200)  not null,
    fingerprint     varchar(64)   not null,
    status          int,
    content_type    varchar(200),
    location        varchar(1000),
    body            bytea,
    created_at      timestamptz   not null,
    primary key (caller, idempotency_key)
);
create index idempotent_request_by_age on idempotent_request (created_at);
