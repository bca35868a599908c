--liquibase formatted sql

--changeset catalog:004-store-inventory
-- A copy for sale in a store (a Discogs marketplace listing). store_id is identity's store id:
-- a plain id, no foreign key across schemas.
create table store_inventory (
    id                 bigserial primary key,
    store_id           bigint           not null,
    record_id          bigint           not null,
    discogs_listing_id bigint,
    condition          record_condition not null,
    sleeve_condition   sleeve_condition,
    price              numeric(12, 2)   not null,
    currency           char(3)          not null default 'USD',
    status             record_status    not null default 'active',
    comments           text,
    location           varchar(255),
    ships_from         varchar(128),
    allow_offers       boolean          not null default false,
    listed_at          timestamptz,
    sold_at            timestamptz,
    last_synced_at     timestamptz,
    created_at         timestamptz      not null default now(),
    updated_at         timestamptz      not null default now(),
    constraint fk_store_inventory_record_id foreign key (record_id) references records (id) on delete restrict,
    constraint uq_store_inventory_discogs_listing_id unique (discogs_listing_id),
    constraint ck_store_inventory_price check (price > 0),
    constraint ck_store_inventory_currency check (currency ~ '^[A-Z]{3}$'),
    constraint ck_store_inventory_sold_after_listed check (sold_at is null or listed_at is null or sold_at >= listed_at)
);
create index idx_store_inventory_store_id_status on store_inventory (store_id, status);
create index idx_store_inventory_record_id on store_inventory (record_id);
create index idx_store_inventory_price on store_inventory (price);
create trigger trg_store_inventory_updated_at before update on store_inventory
    for each row execute function update_updated_at_column();
comment on table store_inventory is 'Copies for sale in stores (Discogs listings); store_id is identity''s store id (no FK).';
comment on column store_inventory.location is 'Where the copy sits in the shop (bin, shelf), free text.';
comment on column store_inventory.currency is 'ISO 4217 code, upper case.';
--rollback drop table store_inventory;
