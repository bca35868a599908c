--liquibase formatted sql

--changeset config:001-setting-type-enum
create type setting_type as enum ('string', 'number', 'boolean', 'json', 'array');
--rollback drop type setting_type;

--changeset config:001-setting-value-is-valid runOnChange:true splitStatements:false
-- Does a setting's text value read as its type? number: a JSON number; boolean: true/false;
-- json: a JSON object; array: a JSON array; string: anything. Used by ck_settings_value_type.
create or replace function setting_value_is_valid(p_value text, p_type setting_type)
returns boolean language plpgsql immutable as $$
begin
    return case p_type
        when 'string' then true
        when 'number' then p_value ~ '^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$'
        when 'boolean' then p_value in ('true', 'false')
        when 'json' then jsonb_typeof(p_value::jsonb) = 'object'
        when 'array' then jsonb_typeof(p_value::jsonb) = 'array'
    end;
exception when invalid_text_representation then
    return false;
end;
$$;
--rollback drop function setting_value_is_valid(text, setting_type);

--changeset config:001-settings
-- One system setting: value is text read according to setting_type (a number is digits, a boolean
-- is true/false, json and array are JSON text), enforced by ck_settings_value_type, so every client
-- (SQL, the reactive driver, Hibernate) reads it the same way. An encrypted setting holds its
-- ciphertext (base64) whatever its type, is not type-checked, and is never public.
create table settings (
    id            bigserial    primary key,
    key           varchar(128) not null,
    value         text         not null,
    setting_type  setting_type not null,
    default_value text,
    description   text,
    category      varchar(64)  not null default 'general',
    is_public     boolean      not null default false,
    is_encrypted  boolean      not null default false,
    is_readonly   boolean      not null default false,
    updated_by    bigint,
    created_at    timestamptz  not null default now(),
    updated_at    timestamptz  not null default now(),
    constraint uq_settings_key unique (key),
    constraint ck_settings_key check (key ~ '^[a-z0-9]+([._-][a-z0-9]+)*$'),
    constraint ck_settings_value_type check (is_encrypted or setting_value_is_valid(value, setting_type)),
    constraint ck_settings_default_value_type
        check (default_value is null or is_encrypted or setting_value_is_valid(default_value, setting_type)),
    constraint ck_settings_public_not_encrypted check (not (is_public and is_encrypted))
);
create index idx_settings_category on settings (category);
create index idx_settings_is_public on settings (is_public) where is_public;
create index idx_settings_updated_by on settings (updated_by);
create trigger trg_settings_updated_at before update on settings
    for each row execute function update_updated_at_column();
comment on table settings is 'System settings: typed text values, public or private, optionally encrypted.';
--rollback drop table settings;
