-- Voice Console's team store on PostgreSQL: run once by the database's administrator, connected to the
-- database the team will use (no superuser needed: the database's owner, or a role with CREATEROLE).
--
--   createdb voice_console
--   psql -d voice_console -f setup.sql
--   psql -d voice_console -c "CREATE ROLE op1 LOGIN PASSWORD '...' IN ROLE voice_console_operators"
--
-- It makes the group role every operator belongs to and the schema the team's tables live in, owned by
-- that group. Voice Console itself creates the tables and brings them to its version (a schema_version
-- table; `voicectl team-store init`), as the group, so any operator's newer Voice Console may migrate
-- them later and an older one refuses a newer schema. Running this file again changes nothing.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'voice_console_operators') THEN
    CREATE ROLE voice_console_operators NOLOGIN;
  END IF;
END
$$;

CREATE SCHEMA IF NOT EXISTS voice_console AUTHORIZATION voice_console_operators;
REVOKE ALL ON SCHEMA voice_console FROM PUBLIC;
GRANT USAGE, CREATE ON SCHEMA voice_console TO voice_console_operators;

-- Operators connect to this database and nothing else of it is theirs.
DO $$
BEGIN
  EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO voice_console_operators', current_database());
END
$$;
