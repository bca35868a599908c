--liquibase formatted sql

--changeset identity:002-users-profile
-- Profile fields shown on a user's page, and the fields login limiting needs
-- (failed attempts since the last success, a lock until a time).
alter table users
    add column avatar_url          varchar(2048),
    add column bio                 text,
    add column locale              varchar(35) not null default 'en',
    add column timezone            varchar(64) not null default 'UTC',
    add column failed_login_count  integer     not null default 0,
    add column locked_until        timestamptz,
    add column password_changed_at timestamptz;
alter table users
    add constraint ck_users_bio_length check (bio is null or char_length(bio) <= 2000),
    add constraint ck_users_failed_login_count check (failed_login_count >= 0),
    add constraint ck_users_locale check (locale ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$'),
    add constraint ck_users_avatar_url check (avatar_url is null or avatar_url ~ '^https?://');
-- the login limiter looks for accounts that are locked right now
create index idx_users_locked_until on users (locked_until) where locked_until is not null;
--rollback drop index idx_users_locked_until; alter table users drop constraint ck_users_bio_length, drop constraint ck_users_failed_login_count, drop constraint ck_users_locale, drop constraint ck_users_avatar_url, drop column avatar_url, drop column bio, drop column locale, drop column timezone, drop column failed_login_count, drop column locked_until, drop column password_changed_at;

--changeset identity:002-users-updated-at
create trigger trg_users_updated_at before update on users
    for each row execute function update_updated_at_column();
--rollback drop trigger trg_users_updated_at on users;
