--liquibase formatted sql

--changeset analytics:017-usage-metrics-insert-indexes
-- Every play is inserted into each index of usage_metrics. No query reads it by entity (a track's and a
-- record's counts come from daily_metrics, recommendation_data and listening_hourly), and the only reads by
-- time alone are the nightly day scans of aggregate_daily_metrics and cleanup: rows arrive in about the order of
-- occurred_at, so a BRIN index serves those scans at a fraction of a B-tree's cost per insert. Together a batch
-- of 1,000 plays took 0.85 of the time to insert (docs/performance.md, session 22).
drop index if exists idx_usage_metrics_entity_type_entity_id;
drop index if exists idx_usage_metrics_occurred_at;
create index idx_usage_metrics_occurred_at on usage_metrics using brin (occurred_at);
--rollback drop index if exists idx_usage_metrics_occurred_at;
--rollback create index idx_usage_metrics_occurred_at on usage_metrics (occurred_at);
--rollback create index idx_usage_metrics_entity_type_entity_id on usage_metrics (entity_type, entity_id, occurred_at desc);
