-- The trace context of the request that started a billing run: every customer's launch continues it, so a billing
-- run is one trace however many instances launch its customers.
alter table billing_run add column traceparent varchar(64);
