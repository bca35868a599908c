--liquibase formatted sql

--changeset analytics:018-usage-metrics-dedupe-by-time
-- An event is unique on (occurred_at, event_id), the same columns as before with time first: event ids are
-- derived hashes, so with event_id first every insert went to a random page of the index, which after each
-- checkpoint is written whole to the WAL; time first, rows land at its end. A batch of 1,000 plays took 0.63 of the
-- time to insert (docs/performance.md, session 23). The index's leading occurred_at also serves the nightly day
-- scans the BRIN index was kept for.
alter table usage_metrics drop constraint uq_usage_metrics_event_id_occurred_at;
alter table usage_metrics add constraint uq_usage_metrics_occurred_at_event_id unique (occurred_at, event_id);
drop index idx_usage_metrics_occurred_at;
--rollback create index idx_usage_metrics_occurred_at on usage_metrics using brin (occurred_at);
--rollback alter table usage_metrics drop constraint uq_usage_metrics_occurred_at_event_id;
--rollback alter table usage_metrics add constraint uq_usage_metrics_event_id_occurred_at unique (event_id, occurred_at);
