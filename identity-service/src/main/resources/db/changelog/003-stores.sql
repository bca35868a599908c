--liquibase formatted sql

--changeset identity:003-store-status-enum
create type store_status as enum ('active', 'pending', 'suspended', 'inactive');
--rollback drop type store_status;

--changeset identity:003-stores
-- A record store. The owner is optional on purpose: erasing a user (GDPR) must never be blocked
-- by a store they owned, and the store must outlive them, because catalog inventory refers to
-- the store id from another schema (no cascade can reach it). ON DELETE SET NULL leaves an
-- ownerless store that an admin reassigns; its managers (store_managers) keep it running.
create table stores (
    id               bigserial    primary key,
    slug             varchar(64)  not null,
    name             varchar(200) not null,
    description      text,
    status           store_status not null default 'pending',
    owner_user_id    bigint,
    discogs_username varchar(64),
    discogs_sync_enabled boolean  not null default false,
    last_synced_at   timestamptz,
    email            varchar(320),
    phone            varchar(32),
    website_url      varchar(2048),
    logo_url         varchar(2048),
    banner_url       varchar(2048),
    address_line1    varchar(200),
    address_line2    varchar(200),
    city             varchar(100),
    region           varchar(100),
    postal_code      varchar(20),
    country_code     varchar(2),
    latitude         numeric(9, 6),
    longitude        numeric(9, 6),
    currency         varchar(3)   not null default 'USD',
    created_at       timestamptz  not null default now(),
    updated_at       timestamptz  not null default now(),
    constraint fk_stores_owner_user_id foreign key (owner_user_id) references users (id) on delete set null,
    constraint ck_stores_slug check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    constraint ck_stores_email check (email is null or position('@' in email) > 1),
    constraint ck_stores_country_code check (country_code is null or country_code ~ '^[A-Z]{2}$'),
    constraint ck_stores_currency check (currency ~ '^[A-Z]{3}$'),
    constraint ck_stores_latitude check (latitude is null or latitude between -90 and 90),
    constraint ck_stores_longitude check (longitude is null or longitude between -180 and 180),
    constraint ck_stores_location check ((latitude is null) = (longitude is null)),
    constraint ck_stores_discogs_sync check (not discogs_sync_enabled or discogs_username is not null)
);
create unique index idx_stores_slug on stores (slug);
create unique index idx_stores_discogs_username on stores (discogs_username);
create index idx_stores_status on stores (status);
create index idx_stores_owner_user_id on stores (owner_user_id);
create trigger trg_stores_updated_at before update on stores
    for each row execute function update_updated_at_column();
comment on table stores is 'Record stores: public profile, location, owner, Discogs seller account.';
--rollback drop table stores;

--changeset identity:003-store-managers
-- Who may manage a store. Both sides own the row: it goes with the store and with the user.
create table store_managers (
    id         bigserial   primary key,
    store_id   bigint      not null,
    user_id    bigint      not null,
    role       varchar(16) not null default 'manager',
    added_by   bigint,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint fk_store_managers_store_id foreign key (store_id) references stores (id) on delete cascade,
    constraint fk_store_managers_user_id foreign key (user_id) references users (id) on delete cascade,
    constraint fk_store_managers_added_by foreign key (added_by) references users (id) on delete set null,
    constraint uq_store_managers_store_id_user_id unique (store_id, user_id),
    constraint ck_store_managers_role check (role in ('owner', 'manager', 'staff'))
);
create index idx_store_managers_user_id on store_managers (user_id);
create index idx_store_managers_added_by on store_managers (added_by);
create trigger trg_store_managers_updated_at before update on store_managers
    for each row execute function update_updated_at_column();
comment on table store_managers is 'Users allowed to manage a store, with their role in it.';
--rollback drop table store_managers;
