-- Frame orders (blanket POs) and every draw-down request with its outcome.
create table frame_order (
    id           uuid primary key,
    customer_id  uuid          not null references customer (id),
    po_number    varchar(60)   not null,
    total_hours  numeric(12, 2) not null check (total_hours > 0),
    -- the last line of defence against an overdraw, whatever the code does
    billed_hours numeric(12, 2) not null check (billed_hours >= 0 and billed_hours <= total_hours),
    valid_from   date          not null,
    valid_to     date          not null check (valid_to >= valid_from),
    status       varchar(12)   not null,
    created_at   timestamptz   not null default now(),
    unique (customer_id, po_number)
);

-- No foreign key to frame_order: a request for an unknown frame order is kept too, rejected.
create table draw_down (
    id             uuid primary key,
    frame_order_id uuid          not null,
    hours          numeric(12, 2) not null,
    status         varchar(10)   not null,
    reference      varchar(300),
    invoice_number varchar(60),
    note           varchar(500),
    at             timestamptz   not null
);
create index draw_down_history on draw_down (frame_order_id, at);
