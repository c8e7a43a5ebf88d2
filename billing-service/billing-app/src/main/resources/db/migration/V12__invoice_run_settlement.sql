-- What issuing a run's bill settles, decided when the run starts (Settlement): the invoice's answer settles the pool
-- and asks timesheets to lock the entries without reading the review again. Runs started before have none (null) and
-- read their review, as before.
alter table invoice_run
    add column billed_entry_ids uuid[],
    add column billed_hours numeric[],
    add column written_off_entry_ids uuid[],
    add column written_off_reasons varchar[],
    add column bills_terms boolean;
