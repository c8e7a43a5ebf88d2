-- Which documents billed a time entry: every invoice line lists its entries, and a time entry's history asks by one.
create index invoice_line_by_entry on invoice_line using gin (entry_ids);
