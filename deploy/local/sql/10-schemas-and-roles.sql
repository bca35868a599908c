-- Rotation local bootstrap, step 2 of 2: one schema and one login role per
-- service. Plain SQL (no psql meta-commands) so that Testcontainers' script
-- runner can execute it too. Run as a superuser while connected to the
-- database `rotation`:
--   psql -v ON_ERROR_STOP=1 -d rotation -f deploy/local/sql/10-schemas-and-roles.sql
-- Idempotent: safe to run on every start (Kubernetes runs it on every release).
--
-- No passwords here: a role is created without one (it cannot log in with a
-- password until one is set) and an existing role keeps the one it has. Each
-- environment sets them from its own secrets: ./rotation from
-- 20-local-passwords.sql (local only), the Kubernetes bootstrap Job from each
-- service's Secret.
--
--   schema         role
--   identity       identity_svc
--   catalog        catalog_svc
--   matching       matching_svc
--   user_features  user_features_svc
--   analytics      analytics_svc
--   config         config_svc
--
-- Isolation: each role owns only its schema and has USAGE on no other;
-- PUBLIC loses every privilege on the database and on schema public, and
-- each service role gets CONNECT back.

DO $$
DECLARE
  svc text[];
  services text[][] := ARRAY[
    ARRAY['identity',      'identity_svc'],
    ARRAY['catalog',       'catalog_svc'],
    ARRAY['matching',      'matching_svc'],
    ARRAY['user_features', 'user_features_svc'],
    ARRAY['analytics',     'analytics_svc'],
    ARRAY['config',        'config_svc']
  ];
  sch text;
  rol text;
  other_svc text[];
BEGIN
  EXECUTE format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database());
  REVOKE ALL ON SCHEMA public FROM PUBLIC;

  FOREACH svc SLICE 1 IN ARRAY services LOOP
    sch := svc[1];
    rol := svc[2];

    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = rol) THEN
      EXECUTE format('CREATE ROLE %I LOGIN', rol);
    ELSE
      EXECUTE format('ALTER ROLE %I LOGIN', rol);
    END IF;
    EXECUTE format('ALTER ROLE %I NOSUPERUSER NOCREATEDB NOCREATEROLE', rol);

    EXECUTE format('CREATE SCHEMA IF NOT EXISTS %I AUTHORIZATION %I', sch, rol);
    EXECUTE format('ALTER SCHEMA %I OWNER TO %I', sch, rol);
    EXECUTE format('REVOKE ALL ON SCHEMA %I FROM PUBLIC', sch);

    EXECUTE format('ALTER ROLE %I IN DATABASE %I SET search_path = %I',
                   rol, current_database(), sch);
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), rol);
  END LOOP;

  -- No role may use another service's schema, even if granted by hand earlier.
  FOREACH svc SLICE 1 IN ARRAY services LOOP
    FOREACH other_svc SLICE 1 IN ARRAY services LOOP
      IF other_svc[2] <> svc[2] THEN
        EXECUTE format('REVOKE ALL ON SCHEMA %I FROM %I', svc[1], other_svc[2]);
      END IF;
    END LOOP;
  END LOOP;
END
$$;

-- pgcrypto (Discogs token encryption) lives in schema identity, not public.
-- Skipped with a warning when the extension is not installed on the server.
DO $$
DECLARE
  current_schema_name text;
BEGIN
  SELECT n.nspname INTO current_schema_name
    FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
   WHERE e.extname = 'pgcrypto';
  IF current_schema_name IS NULL THEN
    CREATE EXTENSION pgcrypto WITH SCHEMA identity;
  ELSIF current_schema_name <> 'identity' THEN
    ALTER EXTENSION pgcrypto SET SCHEMA identity;
  END IF;
EXCEPTION WHEN OTHERS THEN
  RAISE WARNING 'pgcrypto not set up in schema identity: %', SQLERRM;
END
$$;
