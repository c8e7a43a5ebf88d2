-- A billing run bills many customers of one period at once. Each included customer's bill is a review (new, or one a
-- person prepared) issued by its own invoice run; held customers wait for a person, with the reason.
create table billing_run (
    id                 uuid primary key,
    -- runs are listed newest first by this, also when a fixed clock gives them one creation time
    seq                bigint generated always as identity,
    period_from        date        not null,
    period_to          date        not null,
    payment_terms_days int,
    notes              varchar(2000),
    status             varchar(12) not null,
    created_at         timestamptz not null,
    started_at         timestamptz
);
create index billing_run_recent on billing_run (seq desc);

create table billing_run_customer (
    run_id                 uuid          not null references billing_run (id),
    customer_id            uuid          not null,
    position               int           not null,
    customer_name          varchar(200)  not null,
    review_id              uuid,
    review_reused          boolean       not null,
    held_reason            varchar(1000),
    currency               varchar(3),
    hours                  numeric(12, 2),
    net                    numeric(15, 2),
    tax                    numeric(15, 2),
    total                  numeric(15, 2),
    frame_order_id         uuid,
    po_number              varchar(60),
    frame_order_hours_left numeric(12, 2),
    frame_order_hours_after numeric(12, 2),
    invoice_run_id         uuid unique,
    launch_failure         varchar(1000),
    primary key (run_id, customer_id)
);
-- what a launcher takes next: included customers whose invoice run has not started
create index billing_run_customer_to_launch on billing_run_customer (run_id, position)
    where invoice_run_id is null and held_reason is null and launch_failure is null;
