--liquibase formatted sql

--changeset user-features:013-play-history-insert-indexes
-- Every play is inserted into each index of play_history, and no query reads plays by track (a track's plays
-- are counted by analytics from its own usage_metrics). Without this index a batch of 1,000 plays took 0.87 of
-- the time to insert (docs/performance.md, session 22).
drop index if exists idx_play_history_track_played_at;
--rollback create index idx_play_history_track_played_at on play_history (track_id, played_at desc);
