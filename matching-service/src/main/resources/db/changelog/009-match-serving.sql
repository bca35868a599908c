--liquibase formatted sql

--changeset matching:009-audio-matches-primary
-- One primary (best playable) match per track and platform; status_changed_at orders the review queue.
alter table audio_matches add column is_primary boolean not null default false;
alter table audio_matches add column status_changed_at timestamptz not null default now();
create unique index uq_audio_matches_primary_per_track_platform on audio_matches (track_id, platform) where is_primary;
create index idx_audio_matches_review_queue on audio_matches (status_changed_at, id) where status = 'needs_review';
--rollback drop index idx_audio_matches_review_queue; drop index uq_audio_matches_primary_per_track_platform; alter table audio_matches drop column status_changed_at; alter table audio_matches drop column is_primary;

--changeset matching:009-status-changed-at runOnChange:true splitStatements:false
create or replace function touch_audio_match_status_changed_at() returns trigger
language plpgsql as $$
begin
    if new.status is distinct from old.status then
        new.status_changed_at := now();
    end if;
    return new;
end;
$$;
--rollback drop function touch_audio_match_status_changed_at();

--changeset matching:009-status-changed-at-trigger
create trigger trg_audio_matches_status_changed_at before update of status on audio_matches
    for each row execute function touch_audio_match_status_changed_at();
--rollback drop trigger trg_audio_matches_status_changed_at on audio_matches;

--changeset matching:009-match-reports
-- Listeners' bad_match reports (user-features' FeedbackSubmitted), one per feedback; independent
-- reporters are distinct user ids. user_id is identity's id (null once the user is erased).
create table match_reports (
    id              bigserial    primary key,
    audio_match_id  bigint       not null,
    feedback_id     bigint       not null,
    user_id         bigint,
    reported_at     timestamptz  not null,
    created_at      timestamptz  not null default now(),
    constraint uq_match_reports_feedback_id unique (feedback_id),
    constraint fk_match_reports_audio_match_id foreign key (audio_match_id)
        references audio_matches (id) on delete cascade
);
create index idx_match_reports_audio_match_id on match_reports (audio_match_id, reported_at);
create index idx_match_reports_user_id on match_reports (user_id) where user_id is not null;
comment on table match_reports is 'bad_match reports of listeners (FeedbackSubmitted), counted per distinct reporter.';
--rollback drop table match_reports;
