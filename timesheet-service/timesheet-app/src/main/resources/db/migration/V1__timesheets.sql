create table customer (
    id                 uuid primary key,
    name               varchar(200)  not null,
    address            varchar(500),
    tax_id             varchar(50),
    tax_rate           numeric(5, 2) not null check (tax_rate between 0 and 100),
    currency           char(3)       not null,
    payment_terms_days int           not null check (payment_terms_days >= 0),
    version            bigint        not null
);

create table project (
    id           uuid primary key,
    customer_id  uuid         not null references customer (id),
    code         varchar(40)  not null unique,
    name         varchar(200) not null,
    billing_type varchar(30)  not null,
    overhead     boolean      not null,
    version      bigint       not null
);

create table resource (
    id           uuid primary key,
    name         varchar(200)   not null,
    role         varchar(100)   not null,
    default_rate numeric(12, 2) not null check (default_rate >= 0),
    version      bigint         not null
);

create table project_rate (
    id         uuid primary key,
    project_id uuid           not null references project (id),
    role       varchar(100)   not null,
    rate       numeric(12, 2) not null check (rate >= 0),
    unique (project_id, role)
);

create table time_entry (
    id               uuid primary key,
    customer_id      uuid          not null references customer (id),
    project_id       uuid          not null references project (id),
    resource_id      uuid          not null references resource (id),
    work_date        date          not null,
    hours            numeric(4, 2) not null check (hours > 0 and hours <= 24),
    task             varchar(200),
    description      varchar(2000),
    billable         boolean       not null,
    status           varchar(20)   not null,
    rejection_reason varchar(500),
    rate             numeric(12, 2),
    amount           numeric(14, 3),
    currency         char(3),
    version          bigint        not null
) with (fillfactor = 80);

-- No index covers the lifecycle columns (status, rate, amount, ...): with free space on each page
-- (fillfactor 80) a transition is a HOT update that writes no index entry, which is what makes
-- approving 100,000 entries at month end cheap.
create index time_entry_resource_day on time_entry (resource_id, work_date);
create index time_entry_customer_day on time_entry (customer_id, work_date);
