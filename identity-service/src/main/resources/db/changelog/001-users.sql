--liquibase formatted sql

--changeset identity:001-user-role-enum
create type user_role as enum ('admin', 'store_manager', 'general_user');
--rollback drop type user_role;

--changeset identity:001-users
create table users (
    id             bigserial primary key,
    email          varchar(320) not null,
    username       varchar(32)  not null,
    password_hash  varchar(100) not null,
    role           user_role    not null default 'general_user',
    display_name   varchar(128),
    is_active      boolean      not null default true,
    email_verified boolean      not null default false,
    last_login_at  timestamptz,
    created_at     timestamptz  not null default now(),
    updated_at     timestamptz  not null default now(),
    constraint ck_users_username check (username ~ '^[A-Za-z0-9_.-]{3,32}$'),
    constraint ck_users_email check (position('@' in email) > 1)
);
-- unique without regard to case: "Alice" and "alice" are one account
create unique index idx_users_email on users (lower(email));
create unique index idx_users_username on users (lower(username));
create index idx_users_role on users (role);
create index idx_users_is_active on users (is_active);
comment on table users is 'Accounts: credentials (bcrypt hash), role and profile.';
--rollback drop table users;
