--liquibase formatted sql

--changeset config:002-feature-flag-type-enum
create type feature_flag_type as enum ('boolean', 'percentage', 'user_list', 'condition');
--rollback drop type feature_flag_type;

--changeset config:002-feature-flags
-- A feature flag. How it is evaluated depends on flag_type (see evaluate_feature_flag):
-- boolean: enabled; percentage: a stable per-user bucket below rollout_percentage;
-- user_list: the user is in target_user_ids; condition: the context contains conditions.
-- starts_at/ends_at bound when it can be on at all. variants (optional) names the A/B arms and
-- their weights, e.g. {"control": 50, "treatment": 50}.
create table feature_flags (
    id                 bigserial         primary key,
    key                varchar(128)      not null,
    name               varchar(200),
    description        text,
    flag_type          feature_flag_type not null default 'boolean',
    enabled            boolean           not null default false,
    rollout_percentage integer           not null default 0,
    target_user_ids    bigint[]          not null default '{}',
    conditions         jsonb             not null default '{}',
    variants           jsonb,
    default_variant    varchar(64),
    owner              varchar(128),
    tags               text[]            not null default '{}',
    starts_at          timestamptz,
    ends_at            timestamptz,
    created_by         bigint,
    updated_by         bigint,
    created_at         timestamptz       not null default now(),
    updated_at         timestamptz       not null default now(),
    constraint uq_feature_flags_key unique (key),
    constraint ck_feature_flags_key check (key ~ '^[a-z0-9]+([._-][a-z0-9]+)*$'),
    constraint ck_feature_flags_rollout_percentage check (rollout_percentage between 0 and 100),
    constraint ck_feature_flags_conditions check (jsonb_typeof(conditions) = 'object'),
    constraint ck_feature_flags_variants check (variants is null or jsonb_typeof(variants) = 'object'),
    constraint ck_feature_flags_window check (starts_at is null or ends_at is null or starts_at < ends_at)
);
create index idx_feature_flags_enabled on feature_flags (enabled);
create index idx_feature_flags_flag_type on feature_flags (flag_type);
create index idx_feature_flags_tags on feature_flags using gin (tags);
create trigger trg_feature_flags_updated_at before update on feature_flags
    for each row execute function update_updated_at_column();
comment on table feature_flags is 'Feature flags: on/off, percentage rollouts, user lists and context conditions.';
--rollback drop table feature_flags;

--changeset config:002-feature-flag-history
-- Every change of a flag, written by log_feature_flag_change(). A deleted flag's history is
-- kept: feature_flag_id becomes null (ON DELETE SET NULL) and flag_key still says which flag it was.
create table feature_flag_history (
    id              bigserial    primary key,
    feature_flag_id bigint,
    flag_key        varchar(128) not null,
    action          varchar(8)   not null,
    old_value       jsonb,
    new_value       jsonb,
    changed_fields  text[]       not null default '{}',
    changed_by      bigint,
    changed_at      timestamptz  not null default now(),
    constraint fk_feature_flag_history_feature_flag_id foreign key (feature_flag_id)
        references feature_flags (id) on delete set null,
    constraint ck_feature_flag_history_action check (action in ('insert', 'update', 'delete')),
    constraint ck_feature_flag_history_values check (
        (action = 'insert' and old_value is null and new_value is not null)
        or (action = 'update' and old_value is not null and new_value is not null)
        or (action = 'delete' and old_value is not null and new_value is null))
);
create index idx_feature_flag_history_feature_flag_id on feature_flag_history (feature_flag_id);
create index idx_feature_flag_history_flag_key_changed_at on feature_flag_history (flag_key, changed_at);
comment on table feature_flag_history is 'Audit trail of feature flag changes (insert/update/delete with old and new row).';
--rollback drop table feature_flag_history;

--changeset config:002-log-feature-flag-change runOnChange:true splitStatements:false
-- AFTER INSERT/UPDATE/DELETE on feature_flags: one history row per change with the old and new
-- row as JSONB and the names of the columns that changed. An update that changes nothing but
-- updated_at is not logged. changed_by: the session setting rotation.actor_id when the writer
-- sets it (set local rotation.actor_id = '42'), else the row's updated_by / created_by.
-- On delete feature_flag_id is left null: the flag row is gone, its key identifies it.
create or replace function log_feature_flag_change() returns trigger
language plpgsql as $$
declare
    v_old     jsonb;
    v_new     jsonb;
    v_changed text[];
    v_actor   bigint;
begin
    v_actor := nullif(current_setting('rotation.actor_id', true), '')::bigint;
    if tg_op = 'INSERT' then
        v_new := to_jsonb(new);
        select coalesce(array_agg(k order by k), '{}') into v_changed from jsonb_object_keys(v_new) k;
        insert into feature_flag_history (feature_flag_id, flag_key, action, old_value, new_value, changed_fields, changed_by)
        values (new.id, new.key, 'insert', null, v_new, v_changed, coalesce(v_actor, new.created_by, new.updated_by));
        return new;
    elsif tg_op = 'UPDATE' then
        v_old := to_jsonb(old);
        v_new := to_jsonb(new);
        select coalesce(array_agg(n.key order by n.key), '{}') into v_changed
        from jsonb_each(v_new) n
        where n.key <> 'updated_at' and n.value is distinct from v_old -> n.key;
        if cardinality(v_changed) = 0 then
            return new;
        end if;
        insert into feature_flag_history (feature_flag_id, flag_key, action, old_value, new_value, changed_fields, changed_by)
        values (new.id, new.key, 'update', v_old, v_new, v_changed, coalesce(v_actor, new.updated_by));
        return new;
    else
        v_old := to_jsonb(old);
        insert into feature_flag_history (feature_flag_id, flag_key, action, old_value, new_value, changed_fields, changed_by)
        values (null, old.key, 'delete', v_old, null, '{}', v_actor);
        return old;
    end if;
end;
$$;
--rollback drop function log_feature_flag_change();

--changeset config:002-feature-flags-history-trigger
create trigger trg_feature_flags_history after insert or update or delete on feature_flags
    for each row execute function log_feature_flag_change();
--rollback drop trigger trg_feature_flags_history on feature_flags;

--changeset config:002-feature-flag-evaluations
-- Evaluation log for analytics (who saw which flag and arm, in what context). Fast-growing and
-- time-ordered: range-partitioned by month on evaluated_at, kept 3 months (partitions dropped by
-- maintain_time_partitions). The evaluations of a deleted flag go with it (CASCADE): they only
-- mean something next to the flag, and retention bounds them anyway.
create table feature_flag_evaluations (
    id              bigserial    not null,
    feature_flag_id bigint       not null,
    flag_key        varchar(128) not null,
    user_id         bigint,
    result          boolean      not null,
    variant         varchar(64),
    reason          varchar(32),
    context         jsonb        not null default '{}',
    evaluated_at    timestamptz  not null default now(),
    primary key (id, evaluated_at),
    constraint fk_feature_flag_evaluations_feature_flag_id foreign key (feature_flag_id)
        references feature_flags (id) on delete cascade,
    constraint ck_feature_flag_evaluations_context check (jsonb_typeof(context) = 'object'),
    constraint ck_feature_flag_evaluations_reason check (reason is null or reason in
        ('unknown', 'disabled', 'outside_window', 'enabled', 'rollout', 'target', 'condition', 'no_match'))
) partition by range (evaluated_at);
create index idx_feature_flag_evaluations_flag_evaluated_at on feature_flag_evaluations (feature_flag_id, evaluated_at);
create index idx_feature_flag_evaluations_user_id on feature_flag_evaluations (user_id, evaluated_at);
insert into time_partitioned_table (table_name, step, premake, retention)
values ('feature_flag_evaluations', interval '1 month', 3, interval '3 months');
select ensure_time_partitions('feature_flag_evaluations', now() - interval '1 month', now() + interval '4 months');
comment on table feature_flag_evaluations is 'Feature flag evaluations, partitioned by month, kept 3 months.';
--rollback drop table feature_flag_evaluations; delete from time_partitioned_table where table_name = 'feature_flag_evaluations';

--changeset config:002-evaluate-feature-flag runOnChange:true splitStatements:false
-- Is the flag on for this user in this context?
--   unknown or disabled flag -> false; now() outside [starts_at, ends_at) -> false;
--   boolean    -> true (it is enabled);
--   percentage -> the user's bucket, abs(hashtext(key || ':' || user_id)) % 100, is below
--                 rollout_percentage: stable across calls and sessions, independent per flag
--                 (the key is in the hash), and raising the percentage only adds users;
--                 no user -> false;
--   user_list  -> user_id is in target_user_ids;
--   condition  -> the context contains conditions (jsonb @>): {"country": "GB"} matches
--                 {"country": "GB", "app": "ios"}; empty conditions match every context.
-- STABLE: reads the table, writes nothing (evaluations are logged by the caller).
create or replace function evaluate_feature_flag(p_key text, p_user_id bigint, p_context jsonb default '{}')
returns boolean language plpgsql stable as $$
declare
    f feature_flags%rowtype;
begin
    select * into f from feature_flags where key = p_key;
    if not found or not f.enabled then
        return false;
    end if;
    if (f.starts_at is not null and now() < f.starts_at) or (f.ends_at is not null and now() >= f.ends_at) then
        return false;
    end if;
    case f.flag_type
        when 'boolean' then
            return true;
        when 'percentage' then
            if p_user_id is null then
                return false;
            end if;
            return abs(hashtext(p_key || ':' || p_user_id)::bigint) % 100 < f.rollout_percentage;
        when 'user_list' then
            return p_user_id is not null and p_user_id = any (f.target_user_ids);
        when 'condition' then
            return coalesce(p_context, '{}'::jsonb) @> f.conditions;
    end case;
    return false;
end;
$$;
--rollback drop function evaluate_feature_flag(text, bigint, jsonb);
