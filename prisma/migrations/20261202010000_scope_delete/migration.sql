-- Row-level security on trajectory let a user scope DELETE the rows it may read: the policy's USING
-- admits them, and only INSERT and UPDATE have a WITH CHECK (system only). No code deletes in a user
-- scope, but the policy is the line of defence for the code that forgets: only the system scope (the
-- import, retention and the other processor duties) deletes.
CREATE POLICY trajectory_delete_system ON "trajectory" AS RESTRICTIVE FOR DELETE
  USING (current_setting('app.scope_kind', true) = 'system');
