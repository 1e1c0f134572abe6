-- Submitted versions of a report are never changed or removed.
CREATE OR REPLACE FUNCTION report_versions_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'report_versions are immutable (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER report_versions_no_update_delete
  BEFORE UPDATE OR DELETE ON report_versions
  FOR EACH ROW EXECUTE FUNCTION report_versions_refuse_change();
