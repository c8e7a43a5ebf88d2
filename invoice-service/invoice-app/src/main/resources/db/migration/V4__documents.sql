-- The SHA-256 of each invoice's and credit note's PDF as rendered at issue. Insert only.
create table document_fingerprint (
    document_id uuid primary key,
    sha256      char(64)    not null,
    recorded_at timestamptz not null default now()
);
create trigger document_fingerprint_is_frozen before update or delete on document_fingerprint
    for each row execute function refuse_change_of_issued_invoice();

-- Where each customer receives e-invoices (EN 16931 BT-49); XRechnung needs it.
create table buyer_electronic_address (
    customer_id uuid primary key,
    scheme      varchar(10)  not null,
    address     varchar(200) not null
);
