--liquibase formatted sql

--changeset matching:002-audio-matches
-- A playable source for a catalog track on one platform. track_id / record_id are catalog's ids and
-- verified_by is identity's user id: plain ids, no foreign key across schemas.
create table audio_matches (
    id                    bigserial primary key,
    track_id              bigint         not null,
    record_id             bigint,
    platform              audio_platform not null,
    external_id           varchar(255)   not null,
    url                   text           not null,
    title                 text,
    channel_id            varchar(255),
    channel_name          text,
    duration_seconds      integer,
    thumbnail_url         text,
    published_at          timestamptz,
    confidence_score      numeric(5, 4)  not null,
    quality_score         numeric(5, 4),
    view_count            bigint,
    like_count            bigint,
    popularity_updated_at timestamptz,
    status                match_status   not null default 'unverified',
    match_method          varchar(32)    not null default 'search',
    verified_by           bigint,
    verified_at           timestamptz,
    is_embeddable         boolean        not null default true,
    is_available          boolean        not null default true,
    last_checked_at       timestamptz,
    metadata              jsonb          not null default '{}'::jsonb,
    created_at            timestamptz    not null default now(),
    updated_at            timestamptz    not null default now(),
    constraint uq_audio_matches_track_platform_external_id unique (track_id, platform, external_id),
    constraint ck_audio_matches_confidence_score check (confidence_score between 0 and 1),
    constraint ck_audio_matches_quality_score check (quality_score between 0 and 1),
    constraint ck_audio_matches_duration_seconds check (duration_seconds >= 0),
    constraint ck_audio_matches_counts check (view_count >= 0 and like_count >= 0),
    constraint ck_audio_matches_match_method check (match_method in ('discogs_video', 'search', 'fingerprint', 'manual', 'legacy')),
    constraint ck_audio_matches_verified_by_has_time check (verified_by is null or verified_at is not null),
    constraint ck_audio_matches_external_id_not_blank check (btrim(external_id) <> ''),
    constraint ck_audio_matches_metadata_object check (jsonb_typeof(metadata) = 'object')
);
create index idx_audio_matches_track_platform_status on audio_matches (track_id, platform, status);
create index idx_audio_matches_status_confidence on audio_matches (status, confidence_score desc);
create index idx_audio_matches_platform_external_id on audio_matches (platform, external_id);
create index idx_audio_matches_record_id on audio_matches (record_id) where record_id is not null;
create index idx_audio_matches_verified_by on audio_matches (verified_by) where verified_by is not null;
create trigger trg_audio_matches_updated_at before update on audio_matches
    for each row execute function update_updated_at_column();
comment on table audio_matches is 'Audio sources matched to catalog tracks, with confidence, quality, popularity and verification.';
comment on column audio_matches.track_id is 'catalog.tracks id (no FK across schemas).';
comment on column audio_matches.verified_by is 'identity.users id of the verifier (no FK across schemas).';
comment on column audio_matches.match_method is 'How the match was found: discogs_video, search, fingerprint, manual, legacy.';
--rollback drop table audio_matches;

--changeset matching:002-audio-match-history
create table audio_match_history (
    id                   bigserial primary key,
    audio_match_id       bigint        not null,
    action               varchar(32)   not null,
    old_status           match_status,
    new_status           match_status,
    old_confidence_score numeric(5, 4),
    new_confidence_score numeric(5, 4),
    old_external_id      varchar(255),
    new_external_id      varchar(255),
    changed_by           bigint,
    reason               text,
    changed_at           timestamptz   not null default now(),
    constraint fk_audio_match_history_audio_match_id foreign key (audio_match_id)
        references audio_matches (id) on delete cascade,
    constraint ck_audio_match_history_action check (action in ('created', 'status_changed', 'external_id_changed', 'confidence_changed'))
);
create index idx_audio_match_history_audio_match_changed_at on audio_match_history (audio_match_id, changed_at desc);
create index idx_audio_match_history_changed_by on audio_match_history (changed_by) where changed_by is not null;
comment on table audio_match_history is 'Audit trail of audio match creation, status, confidence and external id changes (written by trg_audio_matches_history).';
comment on column audio_match_history.changed_by is 'identity.users id: the session setting rotation.actor_id, else the new verified_by.';
--rollback drop table audio_match_history;

--changeset matching:002-log-audio-match-change runOnChange:true splitStatements:false
-- Writers may say who and why with `set local rotation.actor_id = '<user id>'` and
-- `set local rotation.change_reason = '<text>'` in the transaction of the change.
create or replace function log_audio_match_change() returns trigger
language plpgsql as $$
declare
    v_actor  bigint := nullif(current_setting('rotation.actor_id', true), '')::bigint;
    v_reason text   := nullif(current_setting('rotation.change_reason', true), '');
    v_action text;
begin
    if tg_op = 'INSERT' then
        insert into audio_match_history (audio_match_id, action, new_status, new_confidence_score,
                                         new_external_id, changed_by, reason)
        values (new.id, 'created', new.status, new.confidence_score, new.external_id,
                coalesce(v_actor, new.verified_by), v_reason);
        return new;
    end if;
    if new.status is not distinct from old.status
       and new.confidence_score is not distinct from old.confidence_score
       and new.external_id is not distinct from old.external_id then
        return new;
    end if;
    v_action := case when new.status is distinct from old.status then 'status_changed'
                     when new.external_id is distinct from old.external_id then 'external_id_changed'
                     else 'confidence_changed' end;
    insert into audio_match_history (audio_match_id, action, old_status, new_status, old_confidence_score,
                                     new_confidence_score, old_external_id, new_external_id, changed_by, reason)
    values (new.id, v_action, old.status, new.status, old.confidence_score, new.confidence_score,
            old.external_id, new.external_id,
            coalesce(v_actor, case when new.verified_by is distinct from old.verified_by then new.verified_by end),
            v_reason);
    return new;
end;
$$;
--rollback drop function log_audio_match_change();

--changeset matching:002-audio-match-history-trigger
create trigger trg_audio_matches_history
    after insert or update of status, confidence_score, external_id on audio_matches
    for each row execute function log_audio_match_change();
--rollback drop trigger trg_audio_matches_history on audio_matches;
