--liquibase formatted sql

--changeset identity:004-discogs-tokens
-- A user's Discogs OAuth 1.0a access token. token and token_secret hold pgp_sym_encrypt output
-- (pgcrypto, installed in this schema); the key is the service's secret, never stored here,
-- and key_version says which key encrypted the row so that keys can be rotated row by row.
-- The check on the first byte (0xC3: an OpenPGP symmetric-key session packet) refuses plain text.
create table discogs_tokens (
    id            bigserial   primary key,
    user_id       bigint      not null,
    username      varchar(64) not null,
    token         bytea       not null,
    token_secret  bytea       not null,
    key_version   integer     not null default 1,
    scopes        text[]      not null default '{}',
    last_used_at  timestamptz,
    revoked_at    timestamptz,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    constraint fk_discogs_tokens_user_id foreign key (user_id) references users (id) on delete cascade,
    constraint uq_discogs_tokens_username unique (username),
    constraint uq_discogs_tokens_user_id unique (user_id),
    constraint ck_discogs_tokens_key_version check (key_version > 0),
    constraint ck_discogs_tokens_token_encrypted check (octet_length(token) > 16 and get_byte(token, 0) = 195),
    constraint ck_discogs_tokens_token_secret_encrypted
        check (octet_length(token_secret) > 16 and get_byte(token_secret, 0) = 195)
);
create index idx_discogs_tokens_key_version on discogs_tokens (key_version);
create trigger trg_discogs_tokens_updated_at before update on discogs_tokens
    for each row execute function update_updated_at_column();
comment on table discogs_tokens is 'Discogs OAuth tokens per user, encrypted with pgcrypto (pgp_sym_encrypt).';
--rollback drop table discogs_tokens;
