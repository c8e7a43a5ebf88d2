-- Runs not ended yet are read every 10 s for the saga's gauges (hourbill_invoice_runs_active and the oldest's age):
-- a partial index keeps that read small however many runs have ended.
create index invoice_run_in_progress on invoice_run (started_at) where finished_at is null;
