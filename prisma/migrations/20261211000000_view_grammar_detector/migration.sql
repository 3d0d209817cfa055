-- The detector's third rule (docs/view-budget.md): many requests outside the query grammar of
-- protected views in a short time. The grammar answers each with the nearest view it allows, so a
-- script asking every subset of the region's municipalities gets few distinct views and never fills a
-- family; what it asked still says what it tried.

-- 1. Each distinct request an organisation made that the grammar had to change, last asked when.
CREATE TABLE "view_request_adjusted" (
  "organisation_id" UUID NOT NULL,
  "asked_key" CHAR(64) NOT NULL,
  "asked" JSONB NOT NULL,
  "asked_at" TIMESTAMPTZ(3) NOT NULL,
  CONSTRAINT "view_request_adjusted_pkey" PRIMARY KEY ("organisation_id", "asked_key")
);
CREATE INDEX "view_request_adjusted_organisation_id_asked_at_idx" ON "view_request_adjusted"("organisation_id", "asked_at");
ALTER TABLE "view_request_adjusted" ADD CONSTRAINT "view_request_adjusted_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "view_alert" DROP CONSTRAINT "view_alert_rule_check";
ALTER TABLE "view_alert" ADD CONSTRAINT "view_alert_rule_check" CHECK ("rule" IN ('varianten', 'tempo', 'grammatica'));

-- 2. One such request noted in one round trip; returns the new finding's id when it fires: more than
--    p_max distinct adjusted requests within the window, and no 'grammatica' finding still slowing.
CREATE FUNCTION "note_adjusted_request"(
  p_org UUID, p_key CHAR(64), p_asked JSONB, p_now TIMESTAMPTZ, p_window INTERVAL, p_max INTEGER, p_slow INTERVAL
) RETURNS UUID LANGUAGE plpgsql AS $$
DECLARE
  v_count INTEGER;
  v_alert UUID;
BEGIN
  INSERT INTO view_request_adjusted AS r (organisation_id, asked_key, asked, asked_at)
    VALUES (p_org, p_key, p_asked, p_now)
    ON CONFLICT (organisation_id, asked_key) DO UPDATE SET asked_at = p_now;
  SELECT count(*) INTO v_count FROM view_request_adjusted r
    WHERE r.organisation_id = p_org AND r.asked_at > p_now - p_window AND r.asked_at <= p_now;
  IF v_count > p_max AND NOT EXISTS (SELECT 1 FROM view_alert a WHERE a.organisation_id = p_org
      AND a.rule = 'grammatica' AND a.slowed_until > p_now) THEN
    INSERT INTO view_alert (organisation_id, fired_at, rule, view, views, view_count, slowed_until)
      SELECT p_org, p_now, 'grammatica', p_asked, jsonb_agg(r.asked ORDER BY r.asked_at), count(*), p_now + p_slow
      FROM view_request_adjusted r
      WHERE r.organisation_id = p_org AND r.asked_at > p_now - p_window AND r.asked_at <= p_now
      RETURNING id INTO v_alert;
  END IF;
  RETURN v_alert;
END
$$;

GRANT SELECT, INSERT, UPDATE, DELETE ON "view_request_adjusted" TO gemeenteportaal_app;
GRANT EXECUTE ON FUNCTION "note_adjusted_request"(UUID, CHAR(64), JSONB, TIMESTAMPTZ, INTERVAL, INTEGER, INTERVAL) TO gemeenteportaal_app;
