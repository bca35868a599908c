--liquibase formatted sql

--changeset catalog:stores-identity-version
-- The version identity's database gave the store state held here (StoreChanged.version): a
-- StoreChanged applies only if its version is at least this one, whatever the producers' clocks say.
-- Null for rows projected from events older than versions; those still compare changed_at.
alter table stores add column version bigint;
comment on column stores.version is 'identity''s version of the store state held (StoreChanged.version); an event with a lower version changes nothing.';
comment on column stores.changed_at is 'changed_at of the StoreChanged applied; orders events only for rows and events without a version.';
--rollback alter table stores drop column version;
