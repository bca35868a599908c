--liquibase formatted sql

--changeset user-features:011-user-export-chunks
-- A service's share of an export may arrive as several chunks (UserExportPartReady chunk n of m):
-- one row per chunk; a service has answered when all m of its chunks are in.
alter table user_export_parts add column chunk integer not null default 1;
alter table user_export_parts add column chunks integer not null default 1;
alter table user_export_parts drop constraint pk_user_export_parts;
alter table user_export_parts add constraint pk_user_export_parts primary key (export_id, service, chunk);
alter table user_export_parts add constraint ck_user_export_parts_chunk check (chunk between 1 and chunks);
comment on table user_export_parts is 'Each service''s share of an export (UserExportPartReady), as it sent it: one row per chunk, merged in chunk order when read.';
--rollback alter table user_export_parts drop constraint ck_user_export_parts_chunk; alter table user_export_parts drop constraint pk_user_export_parts; alter table user_export_parts add constraint pk_user_export_parts primary key (export_id, service); alter table user_export_parts drop column chunks; alter table user_export_parts drop column chunk;
