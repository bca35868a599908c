--liquibase formatted sql

--changeset identity:007-discogs-tokens-optional-username-secret
-- PUT /api/v1/users/me/discogs-token takes {token, token_secret?, username?}: a Discogs personal
-- access token has no secret, and the Discogs username is known only once the token is checked
-- against Discogs' identity endpoint. Both become optional (unique still holds for set usernames;
-- the encryption check passes on null).
alter table discogs_tokens alter column username drop not null;
alter table discogs_tokens alter column token_secret drop not null;
--rollback alter table discogs_tokens alter column username set not null; alter table discogs_tokens alter column token_secret set not null;
