--liquibase formatted sql

--changeset rotation-platform:outbox-event
create table outbox_event (
    id          bigserial primary key,
    event_id    uuid        not null unique,
    topic       text        not null,
    event_type  text        not null,
    message_key text        not null,
    payload     jsonb       not null,
    occurred_at timestamptz not null,
    created_at  timestamptz not null default now()
);
comment on table outbox_event is 'Events committed with the state change they announce; the relay publishes and deletes them.';
--rollback drop table outbox_event;

--changeset rotation-platform:processed-event
create table processed_event (
    consumer     text        not null,
    event_id     uuid        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
create index idx_processed_event_processed_at on processed_event (processed_at);
comment on table processed_event is 'Event ids each consumer has applied, claimed in the same transaction as the effect.';
--rollback drop table processed_event;

--changeset rotation-platform:update-updated-at-column runOnChange:true splitStatements:false
-- Keeps updated_at honest whatever the writer: attach with
--   create trigger trg_<table>_updated_at before update on <table>
--   for each row execute function update_updated_at_column();
create or replace function update_updated_at_column() returns trigger
language plpgsql as $$
begin
    new.updated_at := now();
    return new;
end;
$$;
--rollback drop function update_updated_at_column();

--changeset rotation-platform:time-partitions
-- Registry of this schema's range-partitioned tables: how wide a partition is, how many to keep
-- ready ahead, and how long data is retained (null: forever). maintain_time_partitions() acts on it.
create table time_partitioned_table (
    table_name   text     primary key,
    step         interval not null check (step in (interval '1 day', interval '1 month')),
    premake      integer  not null default 3 check (premake between 1 and 36),
    retention    interval,
    updated_at   timestamptz not null default now()
);
comment on table time_partitioned_table is 'Partitioned tables of this schema and their partition width, lead and retention.';
--rollback drop table time_partitioned_table;

--changeset rotation-platform:time-partition-functions runOnChange:true splitStatements:false
-- Partition <t>_pYYYYMMDD covers [start, start + step); a default partition catches the rest so
-- that an insert never fails for want of a partition.
create or replace function ensure_time_partitions(p_table text, p_from timestamptz, p_to timestamptz)
returns integer language plpgsql as $$
declare
    v_step    interval;
    v_column  text;
    v_start   timestamptz;
    v_end     timestamptz;
    v_name    text;
    v_default text := p_table || '_default';
    v_strays  boolean;
    v_made    integer := 0;
begin
    select step into strict v_step from time_partitioned_table where table_name = p_table;
    select a.attname into strict v_column
    from pg_partitioned_table pt
    join pg_attribute a on a.attrelid = pt.partrelid and a.attnum = pt.partattrs[0]
    where pt.partrelid = to_regclass(quote_ident(p_table));
    if to_regclass(quote_ident(v_default)) is null then
        execute format('create table %I partition of %I default', v_default, p_table);
    end if;
    -- partitions start at UTC midnights / month starts, whatever the session's time zone
    v_start := date_trunc(case when v_step = interval '1 day' then 'day' else 'month' end,
                          p_from at time zone 'UTC') at time zone 'UTC';
    while v_start < p_to loop
        v_end := ((v_start at time zone 'UTC') + v_step) at time zone 'UTC';
        v_name := p_table || '_p' || to_char(v_start at time zone 'UTC', 'YYYYMMDD');
        if to_regclass(quote_ident(v_name)) is null then
            execute format('select exists (select 1 from %I where %I >= %L and %I < %L)',
                           v_default, v_column, v_start, v_column, v_end) into v_strays;
            if v_strays then
                -- rows already parked in the default partition move into the new one
                execute format('create table %I (like %I including defaults including constraints)', v_name, p_table);
                execute format('with moved as (delete from %I where %I >= %L and %I < %L returning *) '
                               'insert into %I select * from moved',
                               v_default, v_column, v_start, v_column, v_end, v_name);
                execute format('alter table %I attach partition %I for values from (%L) to (%L)',
                               p_table, v_name, v_start, v_end);
            else
                execute format('create table %I partition of %I for values from (%L) to (%L)',
                               v_name, p_table, v_start, v_end);
            end if;
            v_made := v_made + 1;
        end if;
        v_start := v_end;
    end loop;
    return v_made;
end;
$$;

-- Drops the partitions that end at or before p_cutoff; returns how many.
create or replace function drop_time_partitions_before(p_table text, p_cutoff timestamptz)
returns integer language plpgsql as $$
declare
    v_part    record;
    v_dropped integer := 0;
begin
    for v_part in
        select c.relname,
               (regexp_match(pg_get_expr(c.relpartbound, c.oid), 'TO \(''([^'']+)''\)'))[1]::timestamptz as upper_bound
        from pg_inherits i
        join pg_class c on c.oid = i.inhrelid
        join pg_class p on p.oid = i.inhparent
        join pg_namespace n on n.oid = p.relnamespace
        where p.relname = p_table and n.nspname = current_schema()
          and pg_get_expr(c.relpartbound, c.oid) <> 'DEFAULT'
    loop
        if v_part.upper_bound <= p_cutoff then
            execute format('drop table %I', v_part.relname);
            v_dropped := v_dropped + 1;
        end if;
    end loop;
    return v_dropped;
end;
$$;

-- What the services run at start-up and every hour: partitions from the retention horizon (or
-- one step back) up to premake steps ahead, and retention applied.
create or replace function maintain_time_partitions()
returns table (table_name text, created integer, dropped integer) language plpgsql as $$
declare
    v_t record;
begin
    for v_t in select * from time_partitioned_table t order by t.table_name loop
        table_name := v_t.table_name;
        created := ensure_time_partitions(v_t.table_name, now() - v_t.step, now() + v_t.step * (v_t.premake + 1));
        dropped := case when v_t.retention is null then 0
                        else drop_time_partitions_before(v_t.table_name, now() - v_t.retention) end;
        return next;
    end loop;
end;
$$;
--rollback drop function maintain_time_partitions(); drop function drop_time_partitions_before(text, timestamptz); drop function ensure_time_partitions(text, timestamptz, timestamptz);

--changeset rotation-platform:time-partitioned-table-updated-at
create trigger trg_time_partitioned_table_updated_at before update on time_partitioned_table
    for each row execute function update_updated_at_column();
--rollback drop trigger trg_time_partitioned_table_updated_at on time_partitioned_table;

--changeset rotation-platform:processed-event-retain-until
-- A claim is kept as long as its topic keeps the message; null: forever (so are the claims made
-- before this column existed).
alter table processed_event add column retain_until timestamptz;
create index idx_processed_event_retain_until on processed_event (retain_until) where retain_until is not null;
comment on column processed_event.retain_until is 'When the claim may be forgotten: claim time plus the topic''s retention; null for topics kept forever.';
--rollback drop index idx_processed_event_retain_until; alter table processed_event drop column retain_until;

--changeset rotation-platform:outbox-event-attempts
-- A row Kafka keeps refusing is parked after a few attempts (with its error) instead of stalling
-- every later event of the schema; the relay reads only unparked rows.
alter table outbox_event add column attempts integer not null default 0,
                         add column last_error text,
                         add column parked_at timestamptz;
create index idx_outbox_event_unparked on outbox_event (id) where parked_at is null;
create index idx_outbox_event_parked on outbox_event (parked_at) where parked_at is not null;
comment on column outbox_event.attempts is 'Failed publication attempts so far.';
comment on column outbox_event.parked_at is 'Set when the relay gave up on the row (see last_error); a parked row is not published until an operator clears parked_at.';
--rollback drop index idx_outbox_event_parked; drop index idx_outbox_event_unparked; alter table outbox_event drop column parked_at, drop column last_error, drop column attempts;

--changeset rotation-platform:outbox-event-trace-context
-- The W3C trace context of the transaction that wrote the row (an HTTP request's span, a consumed
-- event's span); the relay sends it as the CloudEvent's ce_traceparent/ce_tracestate. Null when the
-- writer had no trace (tracing off).
alter table outbox_event add column traceparent text,
                         add column tracestate text;
comment on column outbox_event.traceparent is 'W3C traceparent current when the row was written; null without a trace.';
--rollback alter table outbox_event drop column tracestate, drop column traceparent;
