--liquibase formatted sql

--changeset config:005-murmur3 runOnChange:true splitStatements:false
-- MurmurHash3 x86 32-bit, the hash Unleash buckets users with (Postgres has none built in).
-- 32-bit arithmetic on bigint: products are split so that no intermediate passes 2^63.
-- MurmurAgreementTest checks it against commons-codec's MurmurHash3.hash32x86 on thousands of inputs.
create or replace function murmur3_mul32(a bigint, b bigint) returns bigint
language sql immutable strict as $$
    select ((a * (b & 65535)) + (((a * (b >> 16)) & 65535) << 16)) & 4294967295
$$;
create or replace function murmur3_rotl32(x bigint, r int) returns bigint
language sql immutable strict as $$
    select ((x << r) | (x >> (32 - r))) & 4294967295
$$;
create or replace function murmur3_32(p_data bytea, p_seed bigint default 0) returns bigint
language plpgsql immutable strict as $$
declare
    c1 constant bigint := 3432918353;
    c2 constant bigint := 461845907;
    h bigint := p_seed & 4294967295;
    k bigint;
    len int := length(p_data);
    blocks int := length(p_data) / 4;
    tail int;
begin
    for i in 0 .. blocks - 1 loop
        k := get_byte(p_data, i * 4)::bigint | (get_byte(p_data, i * 4 + 1)::bigint << 8)
             | (get_byte(p_data, i * 4 + 2)::bigint << 16) | (get_byte(p_data, i * 4 + 3)::bigint << 24);
        k := murmur3_mul32(murmur3_rotl32(murmur3_mul32(k, c1), 15), c2);
        h := murmur3_rotl32(h # k, 13);
        h := (murmur3_mul32(h, 5) + 3864292196) & 4294967295;
    end loop;
    tail := blocks * 4;
    k := 0;
    if (len & 3) = 3 then
        k := k # (get_byte(p_data, tail + 2)::bigint << 16);
    end if;
    if (len & 3) >= 2 then
        k := k # (get_byte(p_data, tail + 1)::bigint << 8);
    end if;
    if (len & 3) >= 1 then
        k := k # get_byte(p_data, tail)::bigint;
        h := h # murmur3_mul32(murmur3_rotl32(murmur3_mul32(k, c1), 15), c2);
    end if;
    h := h # len;
    h := h # (h >> 16);
    h := murmur3_mul32(h, 2246822507);
    h := h # (h >> 13);
    h := murmur3_mul32(h, 3266489909);
    return h # (h >> 16);
end;
$$;
-- Unleash's 1..100 bucket of an identifier in a group: murmur3("group:identifier") % 100 + 1.
create or replace function unleash_bucket(p_identifier text, p_group text) returns int
language sql immutable strict as $$
    select (murmur3_32(convert_to(p_group || ':' || p_identifier, 'UTF8'), 0) % 100 + 1)::int
$$;
--rollback drop function unleash_bucket(text, text); drop function murmur3_32(bytea, bigint); drop function murmur3_rotl32(bigint, int); drop function murmur3_mul32(bigint, bigint);

--changeset config:005-evaluate-feature-flag-unleash runOnChange:true splitStatements:false
-- evaluate_feature_flag with the answers every service's in-process evaluator gives (Unleash's
-- semantics, docs/api/config.md), for the flags it covers: those made through the API (source
-- 'native'). An imported Unleash flag's strategies are beyond SQL: null (not covered).
--   unknown, disabled or archived -> false; now() outside [starts_at, ends_at) -> false;
--   boolean    -> true;
--   percentage -> Unleash's flexibleRollout on userId with the key as groupId: the user's bucket,
--                 unleash_bucket(user_id, key), is at most rollout_percentage; no user -> false;
--   user_list  -> user_id is in target_user_ids;
--   condition  -> every condition's value, as text, equals the context's (Unleash's IN on text).
create or replace function evaluate_feature_flag(p_key text, p_user_id bigint, p_context jsonb default '{}')
returns boolean language plpgsql stable as $$
declare
    f feature_flags%rowtype;
begin
    select * into f from feature_flags where key = p_key;
    if not found or not f.enabled or f.archived_at is not null then
        return false;
    end if;
    if f.source <> 'native' then
        return null;
    end if;
    if (f.starts_at is not null and now() < f.starts_at) or (f.ends_at is not null and now() >= f.ends_at) then
        return false;
    end if;
    case f.flag_type
        when 'boolean' then
            return true;
        when 'percentage' then
            return p_user_id is not null and f.rollout_percentage > 0
                and unleash_bucket(p_user_id::text, p_key) <= f.rollout_percentage;
        when 'user_list' then
            return p_user_id is not null and p_user_id = any (f.target_user_ids);
        when 'condition' then
            return not exists (select 1 from jsonb_each_text(f.conditions) c
                               where coalesce(p_context, '{}'::jsonb) ->> c.key is distinct from c.value);
    end case;
    return false;
end;
$$;
--rollback select 1;
