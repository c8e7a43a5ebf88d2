-- Terms and catalog items are changed and retired, never deleted: bills that used them keep pointing at them.
alter table catalog_item add column retired boolean not null default false;
