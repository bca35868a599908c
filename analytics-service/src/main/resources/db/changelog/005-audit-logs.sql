--liquibase formatted sql

--changeset analytics:005-audit-logs
create table audit_logs (
    id          bigserial    not null,
    event_id    uuid,
    user_id     bigint,
    actor_type  varchar(16)  not null default 'user',
    action      varchar(64)  not null,
    entity_type varchar(64)  not null,
    entity_id   varchar(128),
    old_values  jsonb,
    new_values  jsonb,
    service     varchar(64)  not null,
    request_id  varchar(128),
    ip_address  inet,
    user_agent  varchar(512),
    occurred_at timestamptz  not null default now(),
    created_at  timestamptz  not null default now(),
    constraint audit_logs_pkey primary key (id, occurred_at),
    -- an audit event delivered twice is stored once
    constraint uq_audit_logs_event_id_occurred_at unique (event_id, occurred_at),
    constraint ck_audit_logs_actor_type check (actor_type in ('user', 'service', 'system'))
) partition by range (occurred_at);

insert into time_partitioned_table (table_name, step, premake, retention)
values ('audit_logs', interval '1 month', 3, interval '24 months');
select ensure_time_partitions('audit_logs', now() - interval '1 month', now() + interval '4 months');

create index idx_audit_logs_user_id_occurred_at on audit_logs (user_id, occurred_at desc);
create index idx_audit_logs_entity_type_entity_id on audit_logs (entity_type, entity_id, occurred_at desc);
create index idx_audit_logs_action_occurred_at on audit_logs (action, occurred_at desc);
create index idx_audit_logs_request_id on audit_logs (request_id) where request_id is not null;
comment on table audit_logs is 'Who changed what, when, from any service (old and new values), partitioned by month of occurred_at (24 months kept). user_id is an identity user id.';
comment on column audit_logs.entity_id is 'Text, since audited entities are keyed by number (users, stores), key (settings, flags) or uuid.';
comment on column audit_logs.event_id is 'The id of the audit event it came from (null for rows written directly).';
--rollback drop table audit_logs; delete from time_partitioned_table where table_name = 'audit_logs';
