--liquibase formatted sql

--changeset identity:006-login-failure-window
-- Login limiting counts failures within a window: failed_login_window_start is the time of the
-- first failure the current failed_login_count counts from (null: no failure since the last
-- success or lock). 5 failures within 15 minutes set locked_until (15 minutes).
alter table users add column failed_login_window_start timestamptz;
--rollback alter table users drop column failed_login_window_start;
