--liquibase formatted sql

--changeset config:007-maintenance-announced-at
-- When the window was announced (MaintenanceAnnounced, notify_before_minutes before it starts): set
-- in the transaction that writes the announcement's outbox row, so it goes out once; a window
-- rescheduled after its announcement is announced again.
alter table maintenance_windows add column announced_at timestamptz;
create index idx_maintenance_windows_unannounced on maintenance_windows (starts_at)
    where announced_at is null and cancelled_at is null;
--rollback drop index idx_maintenance_windows_unannounced; alter table maintenance_windows drop column announced_at;
