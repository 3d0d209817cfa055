-- A bounded number of independent answers about any small group (docs/view-budget.md): every
-- distinct view a municipality or region asks in a month is charged once against its budget, and a
-- detector looks for many variants of one view in a short time. Not client-level data (a view is an
-- indicator, a grouping and filters; usage is a count), so no row-level security: the TTP reads every
-- organisation's usage, and an organisation's own is found by its id in the where-clause.

-- 1. Every distinct view an organisation asked in a month (Europe/Amsterdam), with the keys of its
--    families (the view with one dimension left out, in the order of lib/services/disclosure/view-families.ts).
CREATE TABLE "view_charge" (
  "organisation_id" UUID NOT NULL,
  "month" CHAR(7) NOT NULL,
  "view_key" CHAR(64) NOT NULL,
  "view" JSONB NOT NULL,
  "families" BIGINT[] NOT NULL,
  "charged_at" TIMESTAMPTZ(3) NOT NULL,
  -- What the detector counted when it was charged: the largest of its families within the window, and
  -- the organisation's new views in the minute before (how close it came, for the monitor and the benchmark).
  "family_size" INTEGER NOT NULL DEFAULT 0,
  "rate" INTEGER NOT NULL DEFAULT 0,
  CONSTRAINT "view_charge_pkey" PRIMARY KEY ("organisation_id", "month", "view_key")
);
CREATE INDEX "view_charge_organisation_id_charged_at_idx" ON "view_charge"("organisation_id", "charged_at");

-- 2. The count per organisation and month; its row is also the lock that serialises an
--    organisation's new views (budget and detector see every earlier one).
CREATE TABLE "view_budget_use" (
  "organisation_id" UUID NOT NULL,
  "month" CHAR(7) NOT NULL,
  "used" INTEGER NOT NULL,
  "last_charged_at" TIMESTAMPTZ(3) NOT NULL,
  -- The first refusal of the month (written to the audit log once).
  "refused_at" TIMESTAMPTZ(3),
  CONSTRAINT "view_budget_use_pkey" PRIMARY KEY ("organisation_id", "month")
);

-- 3. What the detector found: for the TTP's privacy officer (Beheer → Overzichten) and the slowdown.
CREATE TABLE "view_alert" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "organisation_id" UUID NOT NULL,
  "fired_at" TIMESTAMPTZ(3) NOT NULL,
  -- 'varianten': one family held too many views; 'tempo': too many new views in a minute.
  "rule" TEXT NOT NULL CHECK ("rule" IN ('varianten', 'tempo')),
  -- varianten: the dimension that varies and the family's key; the family is `view` without it.
  "dimension" TEXT,
  "family_key" BIGINT,
  -- The view that made it fire, and the views it counted (in the order they were asked).
  "view" JSONB NOT NULL,
  "views" JSONB NOT NULL,
  "view_count" INTEGER NOT NULL,
  "slowed_until" TIMESTAMPTZ(3) NOT NULL,
  CONSTRAINT "view_alert_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "view_alert_organisation_id_slowed_until_idx" ON "view_alert"("organisation_id", "slowed_until");
CREATE INDEX "view_alert_fired_at_idx" ON "view_alert"("fired_at");

ALTER TABLE "view_charge" ADD CONSTRAINT "view_charge_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "view_budget_use" ADD CONSTRAINT "view_budget_use_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "view_alert" ADD CONSTRAINT "view_alert_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- 4. One view charged in one round trip (lib/services/disclosure/charge-view.ts). Status 'herhaald':
--    asked before this month, free; 'op': the budget is spent; 'nieuw': charged, and the detector ran.
--    A view charged by two requests at once is charged once (the second sees the first's row).
CREATE FUNCTION "charge_view"(
  p_org UUID, p_month CHAR(7), p_key CHAR(64), p_view JSONB, p_families BIGINT[], p_dimensions TEXT[],
  p_now TIMESTAMPTZ, p_budget INTEGER, p_window INTERVAL, p_variants_max INTEGER, p_rate_max INTEGER,
  p_slow INTERVAL
) RETURNS TABLE (
  status TEXT, used INTEGER, first_refusal BOOLEAN, slowed BOOLEAN, alert_id UUID
) LANGUAGE plpgsql AS $$
DECLARE
  v_used INTEGER;
  v_refused TIMESTAMPTZ;
  v_ord INTEGER;
  v_size INTEGER := 0;
  v_rate INTEGER := 0;
  v_alert UUID;
BEGIN
  PERFORM 1 FROM view_charge c WHERE c.organisation_id = p_org AND c.month = p_month AND c.view_key = p_key;
  IF FOUND THEN
    RETURN QUERY SELECT 'herhaald'::text, coalesce((SELECT u.used FROM view_budget_use u
      WHERE u.organisation_id = p_org AND u.month = p_month), 0), false, false, NULL::uuid;
    RETURN;
  END IF;
  -- Counted first: the row lock makes the organisation's new views wait for each other.
  INSERT INTO view_budget_use AS u (organisation_id, month, used, last_charged_at)
    VALUES (p_org, p_month, 1, p_now)
    ON CONFLICT (organisation_id, month)
    DO UPDATE SET used = u.used + 1, last_charged_at = p_now WHERE u.used < p_budget
    RETURNING u.used INTO v_used;
  IF v_used IS NULL THEN
    UPDATE view_budget_use u SET refused_at = p_now
      WHERE u.organisation_id = p_org AND u.month = p_month AND u.refused_at IS NULL RETURNING u.refused_at INTO v_refused;
    RETURN QUERY SELECT 'op'::text, p_budget, v_refused IS NOT NULL, false, NULL::uuid;
    RETURN;
  END IF;
  -- The detector. Distinct views of each of this view's families within the window (months may
  -- differ: the window slides over the first of the month), and new views in the last minute; this
  -- view counted in both.
  SELECT x.ord, count(DISTINCT c.view_key) INTO v_ord, v_size
    FROM view_charge c CROSS JOIN LATERAL unnest(c.families) WITH ORDINALITY AS x(f, ord)
    WHERE c.organisation_id = p_org AND c.charged_at > p_now - p_window AND c.charged_at <= p_now
      AND x.f = p_families[x.ord]
    GROUP BY x.ord ORDER BY count(DISTINCT c.view_key) DESC, x.ord LIMIT 1;
  v_ord := coalesce(v_ord, 1);
  v_size := coalesce(v_size, 0) + 1;
  SELECT count(*) + 1 INTO v_rate FROM view_charge c
    WHERE c.organisation_id = p_org AND c.charged_at > p_now - interval '1 minute' AND c.charged_at <= p_now;

  INSERT INTO view_charge (organisation_id, month, view_key, view, families, charged_at, family_size, rate)
    VALUES (p_org, p_month, p_key, p_view, p_families, p_now, v_size, v_rate) ON CONFLICT DO NOTHING;
  IF NOT FOUND THEN
    -- Charged meanwhile by a request that held the lock before us: free after all.
    UPDATE view_budget_use u SET used = u.used - 1 WHERE u.organisation_id = p_org AND u.month = p_month
      RETURNING u.used INTO v_used;
    RETURN QUERY SELECT 'herhaald'::text, v_used, false, false, NULL::uuid;
    RETURN;
  END IF;

  IF v_size > p_variants_max AND NOT EXISTS (SELECT 1 FROM view_alert a WHERE a.organisation_id = p_org
      AND a.rule = 'varianten' AND a.family_key = p_families[v_ord] AND a.slowed_until > p_now) THEN
    INSERT INTO view_alert (organisation_id, fired_at, rule, dimension, family_key, view, views, view_count, slowed_until)
      SELECT p_org, p_now, 'varianten', p_dimensions[v_ord], p_families[v_ord], p_view,
        jsonb_agg(c.view ORDER BY c.charged_at), count(DISTINCT c.view_key), p_now + p_slow
      FROM view_charge c
      WHERE c.organisation_id = p_org AND c.charged_at > p_now - p_window AND c.charged_at <= p_now
        AND c.families[v_ord] = p_families[v_ord]
      RETURNING id INTO v_alert;
  ELSIF v_rate > p_rate_max AND NOT EXISTS (SELECT 1 FROM view_alert a WHERE a.organisation_id = p_org
      AND a.rule = 'tempo' AND a.slowed_until > p_now) THEN
    INSERT INTO view_alert (organisation_id, fired_at, rule, view, views, view_count, slowed_until)
      SELECT p_org, p_now, 'tempo', p_view, jsonb_agg(c.view ORDER BY c.charged_at), count(*), p_now + p_slow
      FROM view_charge c
      WHERE c.organisation_id = p_org AND c.charged_at > p_now - interval '1 minute' AND c.charged_at <= p_now
      RETURNING id INTO v_alert;
  END IF;

  RETURN QUERY SELECT 'nieuw'::text, v_used, false,
    EXISTS (SELECT 1 FROM view_alert a WHERE a.organisation_id = p_org AND a.slowed_until > p_now AND a.fired_at <= p_now),
    v_alert;
END
$$;

-- Charges and counts are pruned by the application once older than their month; alerts stay (the
-- audit log holds them for five years, this table for the monitor).
GRANT SELECT, INSERT, DELETE ON "view_charge" TO gemeenteportaal_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON "view_budget_use" TO gemeenteportaal_app;
GRANT SELECT, INSERT ON "view_alert" TO gemeenteportaal_app;
GRANT EXECUTE ON FUNCTION "charge_view"(UUID, CHAR(7), CHAR(64), JSONB, BIGINT[], TEXT[], TIMESTAMPTZ, INTEGER, INTERVAL, INTEGER, INTEGER, INTERVAL) TO gemeenteportaal_app;
