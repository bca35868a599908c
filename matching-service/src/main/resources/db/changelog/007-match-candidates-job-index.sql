--liquibase formatted sql

--changeset matching:007-match-candidates-job-id-index
-- job_id is analytics' job id (a plain id): indexed like every cross-service reference, so a run's
-- candidates are found (and dropped with a cancelled run) without a scan.
create index idx_match_candidates_job_id on match_candidates (job_id) where job_id is not null;
--rollback drop index idx_match_candidates_job_id;
