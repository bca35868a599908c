--liquibase formatted sql

--changeset identity:008-reencrypt-discogs-tokens runOnChange:true splitStatements:false
-- Key rotation for discogs_tokens: re-encrypts up to p_limit rows of one key version (ids above
-- p_after_id, in id order) under the new key, inside the database so the plain token never
-- leaves it. A row that does not open with the old key (encrypted under another key, or
-- corrupt) is left as it is and counted in failed; last_id lets the caller page past it.
-- Rows locked by a concurrent write are skipped (the writer stores them under the current key).
create or replace function reencrypt_discogs_tokens(
        p_from_version integer, p_from_key text, p_to_version integer, p_to_key text,
        p_after_id bigint, p_limit integer,
        out re_encrypted integer, out failed integer, out scanned integer, out last_id bigint)
language plpgsql as $$
declare
    r record;
begin
    re_encrypted := 0;
    failed := 0;
    scanned := 0;
    last_id := p_after_id;
    for r in select id from discogs_tokens
             where key_version = p_from_version and id > p_after_id
             order by id limit p_limit
             for update skip locked loop
        scanned := scanned + 1;
        last_id := r.id;
        begin
            update discogs_tokens
               set token = pgp_sym_encrypt(pgp_sym_decrypt(token, p_from_key), p_to_key),
                   token_secret = case when token_secret is null then null
                                       else pgp_sym_encrypt(pgp_sym_decrypt(token_secret, p_from_key), p_to_key) end,
                   key_version = p_to_version
             where id = r.id;
            re_encrypted := re_encrypted + 1;
        exception when external_routine_invocation_exception or data_exception then
            failed := failed + 1;
        end;
    end loop;
end
$$;
--rollback drop function reencrypt_discogs_tokens(integer, text, integer, text, bigint, integer);
