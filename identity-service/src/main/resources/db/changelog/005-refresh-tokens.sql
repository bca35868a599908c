--liquibase formatted sql

--changeset identity:005-refresh-tokens
-- Rotating refresh tokens. The token itself is opaque random and never stored: token_hash is its
-- SHA-256 (hex). Each refresh marks the presented token used and issues a new one in the same
-- family; presenting a used token again (a stolen copy, or the thief's) revokes the whole family.
create table refresh_tokens (
    id          bigserial   primary key,
    user_id     bigint      not null,
    family_id   uuid        not null,
    token_hash  varchar(64) not null,
    expires_at  timestamptz not null,
    used_at     timestamptz,
    revoked_at  timestamptz,
    created_at  timestamptz not null default now(),
    constraint fk_refresh_tokens_user_id foreign key (user_id) references users (id) on delete cascade,
    constraint uq_refresh_tokens_token_hash unique (token_hash),
    constraint ck_refresh_tokens_token_hash check (token_hash ~ '^[0-9a-f]{64}$'),
    constraint ck_refresh_tokens_expires_at check (expires_at > created_at)
);
create index idx_refresh_tokens_user_id on refresh_tokens (user_id);
create index idx_refresh_tokens_family_id on refresh_tokens (family_id);
-- clean-up of expired tokens
create index idx_refresh_tokens_expires_at on refresh_tokens (expires_at);
comment on table refresh_tokens is 'Rotating refresh tokens (SHA-256 of the opaque token), grouped in families.';
--rollback drop table refresh_tokens;
