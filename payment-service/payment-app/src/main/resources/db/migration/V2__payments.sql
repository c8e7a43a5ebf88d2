-- Invoices as the money sees them, learnt from InvoiceIssued.v1 / InvoiceVoided.v1.
create table receivable (
    invoice_id  uuid primary key,
    number      varchar(60)    not null,
    customer_id uuid           not null,
    currency    char(3)        not null,
    issue_date  date           not null,
    due_date    date           not null,
    total       numeric(16, 3) not null,
    amount_paid numeric(16, 3) not null default 0,
    status      varchar(8)     not null,
    paid_on     date,
    check (amount_paid >= 0 and amount_paid <= total)
);
create index receivable_open_by_customer on receivable (customer_id, due_date) where status = 'OPEN';

-- Payments are never deleted; a reversal marks them.
create table payment (
    id              uuid primary key,
    invoice_id      uuid           not null references receivable (invoice_id),
    customer_id     uuid           not null,
    paid_on         date           not null,
    mode            varchar(20)    not null,
    currency        char(3)        not null,
    amount          numeric(16, 3) not null check (amount > 0),
    fee             numeric(16, 3) not null check (fee >= 0),
    applied         numeric(16, 3) not null check (applied >= 0),
    excess          numeric(16, 3) not null check (excess >= 0),
    reference       varchar(200),
    reversed        boolean        not null default false,
    reversed_on     date,
    reversal_reason varchar(500),
    recorded_at     timestamptz    not null default now(),
    check (applied + excess = amount and fee <= amount)
);
create index payment_by_invoice on payment (invoice_id);
create index payment_by_customer on payment (customer_id, paid_on);

create table credit_balance (
    customer_id uuid           not null,
    currency    char(3)        not null,
    amount      numeric(16, 3) not null check (amount >= 0),
    primary key (customer_id, currency)
);

-- One row per Idempotency-Key: the request's fingerprint and the payment it made.
create table idempotency_key (
    key         varchar(200) primary key,
    fingerprint char(64)     not null,
    payment_id  uuid         references payment (id),
    created_at  timestamptz  not null default now()
);
