--liquibase formatted sql

--changeset analytics:008-daily-metrics-updated-at
alter table daily_metrics add constraint ck_daily_metrics_entity_id check (entity_id >= 0);
create trigger trg_daily_metrics_updated_at before update on daily_metrics
    for each row execute function update_updated_at_column();
--rollback drop trigger trg_daily_metrics_updated_at on daily_metrics; alter table daily_metrics drop constraint ck_daily_metrics_entity_id;

--changeset analytics:008-recommendation-data-updated-at
create trigger trg_recommendation_data_updated_at before update on recommendation_data
    for each row execute function update_updated_at_column();
--rollback drop trigger trg_recommendation_data_updated_at on recommendation_data;
