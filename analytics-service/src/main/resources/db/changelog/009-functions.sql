--liquibase formatted sql

--changeset analytics:009-aggregate-daily-metrics runOnChange:true splitStatements:false
-- Rolls the plays of one UTC day in usage_metrics into daily_metrics (metric_type 'usage', per
-- user and per track: 'plays' = count, 'listening_ms' = sum of duration_ms). Values are SET, not
-- added, so running it again changes nothing, and they agree with what the PlayRecorded consumer
-- adds as events arrive. Returns the daily_metrics rows written (inserted or changed).
-- It waits for in-flight usage writers and holds them off while it counts (share lock), so that
-- a consumer's increment is never overwritten by a count that did not see its rows. Call it in
-- a read-committed transaction, for days within usage_metrics' retention.
create or replace function aggregate_daily_metrics(p_date date) returns integer
language plpgsql as $$
declare
    v_from    timestamptz := p_date::timestamp at time zone 'UTC';
    v_to      timestamptz := (p_date + 1)::timestamp at time zone 'UTC';
    v_written integer;
    v_more    integer;
begin
    if p_date is null then
        raise exception 'aggregate_daily_metrics: p_date is required';
    end if;
    lock table usage_metrics in share mode;
    with plays as (
        select user_id, entity_id as track_id, coalesce(duration_ms, 0) as ms
        from usage_metrics
        where occurred_at >= v_from and occurred_at < v_to
          and event_type = 'play' and entity_type = 'track'
    ), totals as (
        select 'user'::varchar as entity_type, user_id as entity_id, count(*) as plays, sum(ms) as listening_ms
        from plays where user_id is not null group by user_id
        union all
        select 'track', track_id, count(*), sum(ms)
        from plays where track_id is not null group by track_id
    ), metrics as (
        select entity_type, entity_id, 'plays'::varchar as metric_name, plays::numeric as value from totals
        union all
        select entity_type, entity_id, 'listening_ms', listening_ms::numeric from totals
    )
    insert into daily_metrics (metric_date, metric_type, entity_type, entity_id, metric_name, value)
    select p_date, 'usage', entity_type, entity_id, metric_name, value
    from metrics
    order by entity_type, entity_id, metric_name
    on conflict (metric_date, metric_type, entity_type, entity_id, metric_name)
    do update set value = excluded.value
    where daily_metrics.value is distinct from excluded.value;
    get diagnostics v_written = row_count;
    -- the other interactions (favourites, follows, feedback): metric_type 'interactions', metric_name = the
    -- event type, per day suite-wide ('global', 0) and per target, as their consumers add them
    with interactions as (
        select event_type, entity_type, entity_id
        from usage_metrics
        where occurred_at >= v_from and occurred_at < v_to
          and event_type in ('favorite_added', 'favorite_removed', 'follow_added', 'follow_removed',
                             'feedback_submitted')
    ), counts as (
        select 'global'::varchar as entity_type, 0::bigint as entity_id, event_type as metric_name,
               count(*)::numeric as value
        from interactions group by event_type
        union all
        select entity_type, entity_id, event_type, count(*)::numeric
        from interactions where entity_type is not null and entity_id is not null
        group by entity_type, entity_id, event_type
    )
    insert into daily_metrics (metric_date, metric_type, entity_type, entity_id, metric_name, value)
    select p_date, 'interactions', entity_type, entity_id, metric_name, value
    from counts
    order by entity_type, entity_id, metric_name
    on conflict (metric_date, metric_type, entity_type, entity_id, metric_name)
    do update set value = excluded.value
    where daily_metrics.value is distinct from excluded.value;
    get diagnostics v_more = row_count;
    return v_written + v_more;
end;
$$;
--rollback drop function aggregate_daily_metrics(date);

--changeset analytics:009-cleanup-old-analytics-data runOnChange:true splitStatements:false
-- Retention by age, for what dropping partitions does not cover (maintain_time_partitions()
-- drops whole partitions past their retention): usage_metrics older than p_retention (rows in
-- the default partition and in partitions not dropped yet), daily_metrics older than twice that,
-- expired recommendation_data and content_similarity, processed_event ids older than 30 days
-- (far beyond Kafka's retention, so no redelivery can still come), and rows of the other
-- partitioned tables' default partitions older than their registered retention.
-- Returns the rows deleted.
create or replace function cleanup_old_analytics_data(p_retention interval default interval '13 months')
returns integer language plpgsql as $$
declare
    v_cutoff  timestamptz;
    v_n       integer;
    v_deleted integer := 0;
    v_t       record;
begin
    if p_retention is null or p_retention < interval '1 day' then
        raise exception 'cleanup_old_analytics_data: retention must be at least 1 day, got %', p_retention;
    end if;
    v_cutoff := now() - p_retention;

    delete from usage_metrics where occurred_at < v_cutoff;
    get diagnostics v_n = row_count;
    v_deleted := v_deleted + v_n;

    delete from daily_metrics where metric_date < ((now() - p_retention * 2) at time zone 'UTC')::date;
    get diagnostics v_n = row_count;
    v_deleted := v_deleted + v_n;

    delete from recommendation_data where expires_at < now();
    get diagnostics v_n = row_count;
    v_deleted := v_deleted + v_n;

    delete from content_similarity where expires_at < now();
    get diagnostics v_n = row_count;
    v_deleted := v_deleted + v_n;

    delete from processed_event where processed_at < now() - interval '30 days';
    get diagnostics v_n = row_count;
    v_deleted := v_deleted + v_n;

    for v_t in
        select t.table_name, t.retention, c.column_name
        from time_partitioned_table t
        join (values ('job_logs', 'logged_at'), ('audit_logs', 'occurred_at'),
                     ('performance_metrics', 'recorded_at'), ('listening_hourly', 'hour_start'))
               as c(table_name, column_name)
          on c.table_name = t.table_name
        where t.retention is not null
    loop
        execute format('delete from %I where %I < $1', v_t.table_name, v_t.column_name)
            using now() - v_t.retention;
        get diagnostics v_n = row_count;
        v_deleted := v_deleted + v_n;
    end loop;
    return v_deleted;
end;
$$;
--rollback drop function cleanup_old_analytics_data(interval);
