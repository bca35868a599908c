--liquibase formatted sql

--changeset config:004-feature-flag-definitions
-- Every flag's definition in Unleash's client format, which every service evaluates in memory:
-- derived from the seed's columns for flags made through the API (source 'native'), or the feature
-- as imported (source 'unleash', names as Unleash allows them). Archived flags are kept, off.
alter table feature_flags
    add column definition  jsonb,
    add column source      varchar(16) not null default 'native',
    add column archived_at timestamptz;
alter table feature_flags add constraint ck_feature_flags_source check (source in ('native', 'unleash'));
alter table feature_flags add constraint ck_feature_flags_definition
    check (definition is null or jsonb_typeof(definition) = 'object');
alter table feature_flags drop constraint ck_feature_flags_key;
alter table feature_flags add constraint ck_feature_flags_key
    check (length(key) between 1 and 128 and key !~ '[[:space:]/]'
           and (source = 'unleash' or key ~ '^[a-z0-9]+([._-][a-z0-9]+)*$'));
create index idx_feature_flags_archived_at on feature_flags (archived_at) where archived_at is null;
--rollback alter table feature_flags drop column definition, drop column source, drop column archived_at;

--changeset config:004-feature-segments
-- Unleash segments (shared constraint sets referenced by strategies), kept as imported.
create table feature_segments (
    id         integer     primary key,
    definition jsonb       not null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint ck_feature_segments_definition check (jsonb_typeof(definition) = 'object')
);
create trigger trg_feature_segments_updated_at before update on feature_segments
    for each row execute function update_updated_at_column();
comment on table feature_segments is 'Unleash segments: constraint sets that flag strategies reference by id.';
--rollback drop table feature_segments;
