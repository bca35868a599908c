--liquibase formatted sql

--changeset analytics:016-listening-hourly
-- A listener's plays summed per UTC hour and record, written with the plays (same transaction), so /stats/me
-- reads its top records, artists, genres and hours from at most 24 rows per record and day instead of every
-- play of the window: a heavy listener's page read a million usage rows, several times a second under load.
-- Plays without a record are kept under a null record_id (they count for the hours). Erasure deletes a user's
-- rows; partitions follow usage_metrics' retention.
create table listening_hourly (
    user_id      bigint      not null,
    hour_start   timestamptz not null,
    record_id    bigint,
    plays        bigint      not null,
    listening_ms bigint      not null,
    constraint uq_listening_hourly unique nulls not distinct (user_id, hour_start, record_id),
    constraint ck_listening_hourly_hour check (hour_start = date_trunc('hour', hour_start, 'UTC')),
    constraint ck_listening_hourly_plays check (plays > 0 and listening_ms >= 0)
) partition by range (hour_start);

insert into time_partitioned_table (table_name, step, premake, retention)
values ('listening_hourly', interval '1 month', 3, interval '13 months');

select ensure_time_partitions('listening_hourly',
    greatest(now() - interval '13 months',
             least(now() - interval '1 month', coalesce((select min(occurred_at) from usage_metrics), now()))),
    now() + interval '4 months');

insert into listening_hourly (user_id, hour_start, record_id, plays, listening_ms)
select user_id, date_trunc('hour', occurred_at, 'UTC'), (metadata->>'record_id')::bigint, count(*),
       sum(coalesce(duration_ms, 0))
  from usage_metrics
 where event_type = 'play' and user_id is not null
 group by 1, 2, 3;
--rollback drop table listening_hourly; delete from time_partitioned_table where table_name = 'listening_hourly';
