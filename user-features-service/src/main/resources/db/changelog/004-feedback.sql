--liquibase formatted sql

--changeset user-features:004-feedback-enums
create type feedback_type as enum ('bad_match', 'missing_audio', 'wrong_metadata', 'poor_audio_quality',
    'duplicate_record', 'broken_link', 'inappropriate_content', 'feature_request', 'bug_report', 'other');
create type feedback_status as enum ('open', 'in_review', 'resolved', 'dismissed');
--rollback drop type feedback_status; drop type feedback_type;

--changeset user-features:004-feedback
create table feedback (
    id             bigserial        primary key,
    user_id        bigint,
    assigned_to    bigint,
    feedback_type  feedback_type    not null,
    status         feedback_status  not null default 'open',
    priority       text             not null default 'normal',
    entity_type    text,
    entity_id      bigint,
    audio_match_id bigint,
    title          varchar(200)     not null,
    description    text,
    metadata       jsonb            not null default '{}'::jsonb,
    resolution     text,
    resolved_at    timestamptz,
    created_at     timestamptz      not null default now(),
    updated_at     timestamptz      not null default now(),
    constraint ck_feedback_title check (char_length(btrim(title)) > 0),
    constraint ck_feedback_priority check (priority in ('low', 'normal', 'high', 'urgent')),
    constraint ck_feedback_entity_type check (entity_type in ('track', 'record', 'store', 'audio_match', 'user', 'collection')),
    constraint ck_feedback_entity check ((entity_type is null) = (entity_id is null)),
    constraint ck_feedback_metadata check (jsonb_typeof(metadata) = 'object'),
    constraint ck_feedback_resolved_at check (resolved_at is null or status in ('resolved', 'dismissed')),
    constraint ck_feedback_resolved_after_created check (resolved_at is null or resolved_at >= created_at)
);
-- the triage queue: open items by age
create index idx_feedback_status_created_at on feedback (status, created_at);
create index idx_feedback_user_id on feedback (user_id);
create index idx_feedback_assigned_to on feedback (assigned_to, status) where assigned_to is not null;
create index idx_feedback_feedback_type on feedback (feedback_type, status);
create index idx_feedback_entity on feedback (entity_type, entity_id) where entity_type is not null;
create index idx_feedback_audio_match_id on feedback (audio_match_id) where audio_match_id is not null;
create trigger trg_feedback_updated_at before update on feedback
    for each row execute function update_updated_at_column();
comment on table feedback is 'Issues and suggestions users report (bad matches, missing audio, ...); user_id and assigned_to are identity''s user ids (user_id null once the reporter is erased).';
--rollback drop table feedback;
