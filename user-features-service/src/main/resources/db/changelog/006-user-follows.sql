--liquibase formatted sql

--changeset user-features:006-user-follows
create table user_follows (
    id                    bigserial   primary key,
    follower_id           bigint      not null,
    followee_type         text        not null,
    followee_id           bigint      not null,
    notifications_enabled boolean     not null default true,
    created_at            timestamptz not null default now(),
    updated_at            timestamptz not null default now(),
    constraint uq_user_follows_follower_followee unique (follower_id, followee_type, followee_id),
    constraint ck_user_follows_followee_type check (followee_type in ('user', 'store')),
    constraint ck_user_follows_no_self_follow check (not (followee_type = 'user' and followee_id = follower_id))
);
-- followers of a user or a store (counts, notification fan-out)
create index idx_user_follows_followee on user_follows (followee_type, followee_id);
create trigger trg_user_follows_updated_at before update on user_follows
    for each row execute function update_updated_at_column();
comment on table user_follows is 'A user following another user or a store (identity''s ids, no foreign keys).';
--rollback drop table user_follows;
