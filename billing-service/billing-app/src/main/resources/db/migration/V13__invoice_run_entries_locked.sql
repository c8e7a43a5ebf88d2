-- Timesheets lock an invoice's entries when they hear it issued (InvoiceIssued), in parallel with billing: their answer
-- (EntriesBilled) may reach the run before the invoice's does, and is kept here until then.
alter table invoice_run add column entries_locked boolean not null default false;
