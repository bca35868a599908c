--liquibase formatted sql

--changeset user-features:008-erased-users
create table erased_users (
    user_id    bigint      primary key,
    erased_at  timestamptz not null,
    created_at timestamptz not null default now()
);
comment on table erased_users is 'Identity users that were erased (GDPR), by bare id only: requests still carrying their unexpired access token must not store their data again.';
--rollback drop table erased_users;
