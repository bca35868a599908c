--liquibase formatted sql

--changeset user-features:010-user-exports
create table user_exports (
    id           uuid        primary key,
    user_id      bigint      not null,
    requested_at timestamptz not null default now(),
    completed_at timestamptz,
    -- exports hold personal data: they are deleted this long after they were asked for
    expires_at   timestamptz not null,
    constraint ck_user_exports_expires check (expires_at > requested_at)
);
create index idx_user_exports_user_id on user_exports (user_id, requested_at desc);
create index idx_user_exports_expires_at on user_exports (expires_at);
comment on table user_exports is 'GDPR right-of-access requests; complete once every service''s part arrived.';
--rollback drop table user_exports;

--changeset user-features:010-user-export-parts
create table user_export_parts (
    export_id   uuid        not null,
    service     text        not null,
    data        jsonb       not null,
    received_at timestamptz not null default now(),
    constraint pk_user_export_parts primary key (export_id, service),
    constraint fk_user_export_parts_export_id foreign key (export_id) references user_exports (id) on delete cascade,
    constraint ck_user_export_parts_data check (jsonb_typeof(data) = 'object')
);
comment on table user_export_parts is 'Each service''s share of an export (UserExportPartReady), as it sent it.';
--rollback drop table user_export_parts;
