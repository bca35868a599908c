--liquibase formatted sql

--changeset user-features:014-play-history-dedupe-in-user-index
-- One index does the user's history and the retried plays' dedupe: a play is unique on (user_id, played_at,
-- track_id), the same columns as before in an order whose inserts land at the end of each listener's range. With
-- track_id second every play went to a random page of the unique index, which after each checkpoint is written
-- whole to the WAL: a batch of 1,000 plays took 0.65 of the time to insert (docs/performance.md, session 23). The
-- newest-first reads of a user's plays scan it backwards (ties on played_at sorted by id incrementally).
drop index idx_play_history_user_played_at;
create unique index idx_play_history_user_played_at on play_history (user_id, played_at desc, track_id);
alter table play_history drop constraint uq_play_history_user_track_played_at;
--rollback alter table play_history add constraint uq_play_history_user_track_played_at unique (user_id, track_id, played_at);
--rollback drop index idx_play_history_user_played_at;
--rollback create index idx_play_history_user_played_at on play_history (user_id, played_at desc, id desc);
