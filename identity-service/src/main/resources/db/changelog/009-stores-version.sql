--liquibase formatted sql

--changeset identity:stores-version splitStatements:false
-- A version the database raises on every update of a store (by any writer, also ON DELETE SET NULL
-- of the owner): StoreChanged carries it, so consumers order a store's events by it instead of the
-- producing node's clock. Updates of one store are serialised on its row, so versions never tie.
alter table stores add column version bigint not null default 1;
create or replace function bump_store_version() returns trigger language plpgsql as $$
begin
    new.version := old.version + 1;
    return new;
end;
$$;
create trigger trg_stores_version before update on stores
    for each row execute function bump_store_version();
comment on column stores.version is 'Raised by trg_stores_version on every update; StoreChanged.version, by which consumers order a store''s events.';
--rollback drop trigger trg_stores_version on stores; drop function bump_store_version(); alter table stores drop column version;
