-- Rotation local bootstrap, step 1 of 2 (psql only: uses \gexec).
-- Run as a superuser while connected to the maintenance database:
--   psql -v ON_ERROR_STOP=1 -d postgres -f deploy/local/sql/00-database.sql
-- Idempotent. Testcontainers users skip this file and create the database
-- through the container (POSTGRES_DB=rotation), then run 10-schemas-and-roles.sql.
SELECT 'CREATE DATABASE rotation'
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'rotation')
\gexec
