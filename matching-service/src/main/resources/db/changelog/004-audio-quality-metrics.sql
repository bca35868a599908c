--liquibase formatted sql

--changeset matching:004-audio-quality-metrics
-- One analysis of a matched source's audio; analyses are kept (re-analysis adds a row).
create table audio_quality_metrics (
    id               bigserial primary key,
    audio_match_id   bigint        not null,
    bitrate_kbps     integer,
    sample_rate_hz   integer,
    channels         smallint,
    codec            varchar(32),
    dynamic_range_db numeric(6, 2),
    loudness_lufs    numeric(6, 2),
    peak_db          numeric(6, 2),
    overall_score    numeric(5, 4),
    analyzer         varchar(64)   not null,
    analyzer_version varchar(32),
    analyzed_at      timestamptz   not null default now(),
    raw              jsonb         not null default '{}'::jsonb,
    created_at       timestamptz   not null default now(),
    constraint fk_audio_quality_metrics_audio_match_id foreign key (audio_match_id)
        references audio_matches (id) on delete cascade,
    constraint ck_audio_quality_metrics_bitrate_kbps check (bitrate_kbps > 0),
    constraint ck_audio_quality_metrics_sample_rate_hz check (sample_rate_hz > 0),
    constraint ck_audio_quality_metrics_channels check (channels between 1 and 16),
    constraint ck_audio_quality_metrics_dynamic_range_db check (dynamic_range_db >= 0),
    constraint ck_audio_quality_metrics_loudness_lufs check (loudness_lufs between -100 and 10),
    constraint ck_audio_quality_metrics_peak_db check (peak_db between -100 and 20),
    constraint ck_audio_quality_metrics_overall_score check (overall_score between 0 and 1),
    constraint ck_audio_quality_metrics_raw_object check (jsonb_typeof(raw) = 'object')
);
create index idx_audio_quality_metrics_audio_match_analyzed_at on audio_quality_metrics (audio_match_id, analyzed_at desc);
comment on table audio_quality_metrics is 'Audio analyses of matched sources: bitrate, sample rate, dynamic range, loudness (LUFS), peak.';
--rollback drop table audio_quality_metrics;
