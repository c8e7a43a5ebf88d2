-- The pool keeps every approved billable entry it has seen: unbilled ones wait for a review, reserved ones are
-- taken by an invoice run, billed and written-off ones stay for the realisation report.
alter table unbilled_entry
    add column state            varchar(12) not null default 'UNBILLED',
    add column reserved_by      uuid,
    add column invoice_number   varchar(60),
    add column write_off_reason varchar(500),
    add column settled_at       timestamptz;
create index unbilled_entry_state on unbilled_entry (customer_id, state, work_date);
create index unbilled_entry_reserved_by on unbilled_entry (reserved_by) where reserved_by is not null;

create table billing_review (
    id                 uuid primary key,
    customer_id        uuid        not null references billing_customer (id),
    status             varchar(12) not null,
    period_from        date,
    period_to          date,
    payment_terms_days int         not null,
    po_number          varchar(60),
    notes              varchar(2000),
    frame_order_id     uuid,
    invoice_run_id     uuid unique,
    created_at         timestamptz not null default now()
);
create index billing_review_by_customer on billing_review (customer_id, created_at);

create table review_line (
    review_id        uuid        not null references billing_review (id),
    entry_id         uuid        not null,
    decision         varchar(10) not null,
    write_off_reason varchar(500),
    primary key (review_id, entry_id)
);

create table invoice_run (
    id                    uuid primary key,
    review_id             uuid        not null unique references billing_review (id),
    customer_id           uuid        not null,
    frame_order_id        uuid,
    frame_order_po_number varchar(60),
    issue_date            date        not null,
    step                  varchar(24) not null,
    attempts              int         not null,
    deadline              timestamptz,
    invoice_number        varchar(60),
    failure_reason        varchar(1000),
    started_at            timestamptz not null,
    finished_at           timestamptz
);
create index invoice_run_due on invoice_run (deadline) where deadline is not null;
