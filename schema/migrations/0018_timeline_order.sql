-- 0018_timeline_order.sql: the timeline orders events by the second they
-- happened, then as recorded.
--
-- Times typed at the station (an arrest at 10:05, a report filed at 16:00)
-- are whole seconds; the server's own times (an FIR registered at
-- 10:05:00.412) are not. Ordered by the exact time, an arrest typed for the
-- second its FIR was registered sorted before the FIR. Within one second the
-- order in which the events were recorded (seq) is the true one.

CREATE OR REPLACE FUNCTION core.case_timeline_json(f core.fir) RETURNS jsonb
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
	SELECT jsonb_strip_nulls(jsonb_build_object(
		'fir_number', core.fir_number_text(f.fir_no, f.year),
		'status', f.status,
		'io', core.officer_json(f.io_number, f.io_name, f.io_rank),
		'events', (SELECT jsonb_agg(core.case_event_json(e) ORDER BY date_trunc('second', e.at), e.seq)
			FROM core.case_event e
			WHERE e.state_code = f.state_code AND e.year = f.year AND e.fir_id = f.fir_id)))
$fn$;
COMMENT ON FUNCTION core.case_timeline_json(core.fir) IS
	'CaseTimeline message as JSON: FIR number, status, current investigating officer, events oldest first (by the second they happened, then as recorded)';
