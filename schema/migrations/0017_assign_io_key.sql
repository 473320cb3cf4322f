-- 0017_assign_io_key.sql: an investigating officer's assignment carries an
-- idempotency key like every other write, so that a terminal whose link broke
-- after sending can send it again and get the answer instead of "already the
-- investigating officer".
--
-- api.assign_io(state, district, station, idem bytea, fir_number text, req jsonb)
--     -> (timeline jsonb CaseTimeline, replayed boolean)   CT401 CT400 CT404 CT409
-- The same key with the same FIR and content replays the timeline as it was
-- answered then; with other content it is CT409. The five-argument
-- api.assign_io of 0005 stays (it does the work, without a key) for
-- callers that have none; only cctns_server may call either.

CREATE FUNCTION api.assign_io(state int, district int, station int, idem bytea, fir_number text, req jsonb,
	OUT timeline jsonb, OUT replayed boolean)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	num record;
	v_old jsonb;
BEGIN
	PERFORM core.station_check(state, district, station);
	SELECT * INTO num FROM core.fir_number_parse(fir_number);
	v_old := core.idem_claim(state, district, station, idem,
		sha256(convert_to(core.fir_number_text(num.fir_no, num.year) || ' ' || coalesce(req::text, ''), 'UTF8')),
		'assign_io');
	IF v_old IS NOT NULL THEN
		timeline := v_old;
		replayed := true;
		RETURN;
	END IF;
	timeline := api.assign_io(state, district, station, fir_number, req);
	PERFORM core.idem_answer(state, district, station, idem, timeline);
	replayed := false;
END
$fn$;
COMMENT ON FUNCTION api.assign_io(int, int, int, bytea, text, jsonb) IS
	'Assign or change the investigating officer of an FIR of the calling station with a 16-byte idempotency key (AssignIo JSON without key and fir_number). Returns the CaseTimeline JSON and whether it is a replay of the answer given for the same key and content. Errors as the five-argument api.assign_io, and CT409 for a key used with other content';

REVOKE ALL ON FUNCTION api.assign_io(int, int, int, bytea, text, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api.assign_io(int, int, int, bytea, text, jsonb) TO cctns_server;
