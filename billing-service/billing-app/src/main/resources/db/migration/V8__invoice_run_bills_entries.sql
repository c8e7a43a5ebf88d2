-- The run knows from its start whether timesheets have entries to lock: a bill of terms or manual lines goes from
-- its invoice straight to COMPLETED, decided by the run itself.
alter table invoice_run add column bills_entries boolean not null default true;
