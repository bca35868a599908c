--liquibase formatted sql

--changeset analytics:010-audit-logs-occurred-at-id
-- GET /api/v1/audit-logs without filters: the whole trail newest first, keyset-paged on
-- (occurred_at, id); without this index each page would sort every row of 24 months.
create index idx_audit_logs_occurred_at_id on audit_logs (occurred_at desc, id desc);
--rollback drop index idx_audit_logs_occurred_at_id;
