--liquibase formatted sql

--changeset matching:003-match-candidates
-- Working set of a matching run: search results scored for a track, kept one hour.
create table match_candidates (
    id               bigserial primary key,
    track_id         bigint         not null,
    job_id           bigint,
    platform         audio_platform not null,
    external_id      varchar(255)   not null,
    url              text,
    title            text,
    channel_name     text,
    duration_seconds integer,
    score            numeric(5, 4)  not null,
    search_query     text,
    raw              jsonb          not null default '{}'::jsonb,
    created_at       timestamptz    not null default now(),
    expires_at       timestamptz    not null default now() + interval '1 hour',
    constraint uq_match_candidates_track_platform_external_id unique (track_id, platform, external_id),
    constraint ck_match_candidates_score check (score between 0 and 1),
    constraint ck_match_candidates_duration_seconds check (duration_seconds >= 0),
    constraint ck_match_candidates_expires_after_created check (expires_at > created_at),
    constraint ck_match_candidates_raw_object check (jsonb_typeof(raw) = 'object')
);
create index idx_match_candidates_expires_at on match_candidates (expires_at);
create index idx_match_candidates_track_score on match_candidates (track_id, score desc);
comment on table match_candidates is 'Scored candidates of a matching run; expire after 1 hour (cleanup_expired_candidates).';
comment on column match_candidates.job_id is 'analytics.jobs id of the matching run (no FK across schemas).';
--rollback drop table match_candidates;

--changeset matching:003-cleanup-expired-candidates runOnChange:true splitStatements:false
-- Deletes the candidates whose TTL has passed; returns how many. Run by the matching worker.
create or replace function cleanup_expired_candidates() returns integer
language plpgsql as $$
declare
    v_deleted integer;
begin
    delete from match_candidates where expires_at <= now();
    get diagnostics v_deleted = row_count;
    return v_deleted;
end;
$$;
--rollback drop function cleanup_expired_candidates();
