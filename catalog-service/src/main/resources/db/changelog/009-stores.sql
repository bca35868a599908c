--liquibase formatted sql

--changeset catalog:009-stores
-- Catalog's projection of identity's stores, fed by StoreChanged events (rotation.identity.stores.v1):
-- inventory is written only to active stores, the store sync reads the Discogs username, and copies
-- in stock show the store's name. id is identity's store id; identity stays the owner of the data.
create table stores (
    id               bigint       primary key,
    name             varchar(255) not null,
    slug             varchar(255),
    discogs_username varchar(255),
    status           varchar(16)  not null,
    changed_at       timestamptz  not null,
    created_at       timestamptz  not null default now(),
    updated_at       timestamptz  not null default now(),
    constraint ck_stores_status check (status in ('active', 'pending', 'suspended', 'inactive'))
);
create trigger trg_stores_updated_at before update on stores
    for each row execute function update_updated_at_column();
comment on table stores is 'Projection of identity''s stores (StoreChanged events): name, slug, Discogs username, status.';
comment on column stores.changed_at is 'changed_at of the newest StoreChanged applied: an older event never overwrites a newer one.';
--rollback drop table stores;
