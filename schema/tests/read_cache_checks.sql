-- read_cache_checks.sql (read, issue 7): checks of 0039_fir_rendered.sql.
-- api.get_fir answers from core.fir_rendered; a change to EACH table the Fir
-- JSON or its sealing comes from (core.fir, its charges, persons and
-- properties, final report charges, the persons master record, the station
-- register, the sending FIR of a transfer) shows in the next read; the
-- cached JSON equals a fresh rendering; the masking of a cached sealed FIR
-- is still decided per reader, and an unmasked read is still audited.
-- 0045: the property identifiers (core.property_identifier) are part of the
-- rendered FIR, masked and unmasked, and a change of them shows too.
-- Stations 990210-990211 (state 9), officers READ-*. Runs as cctns_owner
-- after court_checks.sql (it borrows one of its final reports). Any failed
-- check raises.

\set ON_ERROR_STOP 1

\c - cctns_owner
SET client_min_messages = warning;
INSERT INTO ref.station (state_code, district_code, station_code, name, active) VALUES
	(9, 118, 990210, 'Test PS 990210 Agra (read)', true),
	(9, 118, 990211, 'Test PS 990211 Agra (read, other)', true)
ON CONFLICT DO NOTHING;
DELETE FROM core.officer WHERE officer_no LIKE 'READ-%';
-- What a failed earlier run may have left (see below).
DELETE FROM ref.sealed_charge WHERE act = 'bns' AND section = '303';
DELETE FROM core.final_report_charge WHERE state_code = 9 AND seq = 90;
WITH o AS (INSERT INTO core.officer (state_code, officer_no, name, rank, district_code, station_code,
		password_hash)
	SELECT 9, n, 'Check ' || n, 'SI', 118, 990210,
		'$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA'
	FROM (VALUES ('READ-W'), ('READ-SHO')) v (n)
	RETURNING id, officer_no)
INSERT INTO core.officer_role (officer, role)
SELECT id, CASE officer_no WHEN 'READ-W' THEN 'station_writer' ELSE 'station_house_officer' END FROM o;
\ir helpers.sql

-- The FIR of 990210 by number, read as no officer.
CREATE FUNCTION pg_temp.gf(n text) RETURNS jsonb LANGUAGE sql VOLATILE AS $$
	SELECT api.get_fir(9, 118, 990210, n)
$$;
-- Is it in the cache?
CREATE FUNCTION pg_temp.cached(n text) RETURNS boolean LANGUAGE sql STABLE AS $$
	SELECT EXISTS (SELECT 1 FROM core.fir_rendered c WHERE c.state_code = 9 AND c.district_code = 118
		AND c.station_code = 990210 AND c.year = split_part(n, '/', 2)::int AND c.fir_no = split_part(n, '/', 1)::int)
$$;
-- Its key, for direct changes.
CREATE FUNCTION pg_temp.fid(n text) RETURNS bigint LANGUAGE sql STABLE AS $$
	SELECT f.fir_id FROM core.fir f WHERE f.state_code = 9 AND f.station_code = 990210
		AND f.year = split_part(n, '/', 2)::int AND f.fir_no = split_part(n, '/', 1)::int
$$;
CREATE FUNCTION pg_temp.reg(doc jsonb) RETURNS text LANGUAGE sql VOLATILE AS $$
	SELECT fir_number FROM api.register_fir(9, 118, 990210, pg_temp.key(), doc)
$$;
SELECT set_config('cctns.officer', '', false), set_config('cctns.permissions', '', false);

SELECT pg_temp.reg(pg_temp.sample()) AS a \gset
SELECT pg_temp.reg(pg_temp.sample()) AS b \gset
SELECT pg_temp.reg(jsonb_set(pg_temp.sample(), '{complainant}',
	(pg_temp.sample() -> 'complainant') - 'year_of_birth')) AS noage \gset
SELECT extract(year FROM now() AT TIME ZONE 'Asia/Kolkata')::int AS y \gset
SELECT set_config('rc.a', :'a', false), set_config('rc.b', :'b', false), set_config('rc.noage', :'noage', false);

-- Read once: now cached, equal to a fresh rendering.
SELECT pg_temp.check(NOT pg_temp.cached(:'a'), 'a new FIR is not cached');
SELECT pg_temp.gf(:'a') IS NOT NULL AS warm \gset
SELECT pg_temp.check(pg_temp.cached(:'a'), 'a read fills core.fir_rendered');
SELECT pg_temp.check(pg_temp.gf(:'a') = (SELECT core.fir_json(f) FROM core.fir f
		WHERE f.state_code = 9 AND f.year = :y AND f.fir_id = pg_temp.fid(:'a')),
	'the cached FIR equals core.fir_json of it');

-- core.fir
UPDATE core.fir SET brief_facts = 'Changed facts (read check)' WHERE state_code = 9 AND year = :y
	AND fir_id = pg_temp.fid(:'a');
SELECT pg_temp.check(pg_temp.gf(:'a') #>> '{content,brief_facts}' = 'Changed facts (read check)',
	'core.fir UPDATE shows in the next read');

-- core.fir_charge: INSERT, UPDATE, DELETE
SELECT pg_temp.gf(:'a') IS NOT NULL AS warm \gset
INSERT INTO core.fir_charge (state_code, year, fir_id, seq, act, section)
VALUES (9, :y, pg_temp.fid(:'a'), 7, 'bns', '318(4)');
SELECT pg_temp.check(jsonb_array_length(pg_temp.gf(:'a') #> '{content,charges}') = 2,
	'core.fir_charge INSERT shows in the next read');
UPDATE core.fir_charge SET section = '318(2)' WHERE state_code = 9 AND year = :y AND fir_id = pg_temp.fid(:'a') AND seq = 7;
SELECT pg_temp.check(pg_temp.gf(:'a') #>> '{content,charges,1,section}' = '318(2)',
	'core.fir_charge UPDATE shows in the next read');
DELETE FROM core.fir_charge WHERE state_code = 9 AND year = :y AND fir_id = pg_temp.fid(:'a') AND seq = 7;
SELECT pg_temp.check(jsonb_array_length(pg_temp.gf(:'a') #> '{content,charges}') = 1,
	'core.fir_charge DELETE shows in the next read');

-- core.fir_person: INSERT (a second accused), UPDATE, DELETE
INSERT INTO core.fir_person
SELECT (jsonb_populate_record(p, '{"seq": 2}')).* FROM core.fir_person p
WHERE p.state_code = 9 AND p.year = :y AND p.fir_id = pg_temp.fid(:'a') AND p.seq = 1;
SELECT pg_temp.check(jsonb_array_length(pg_temp.gf(:'a') #> '{content,accused}') = 2,
	'core.fir_person INSERT shows in the next read');
UPDATE core.fir_person SET name = 'Renamed Readcheck' WHERE state_code = 9 AND year = :y
	AND fir_id = pg_temp.fid(:'a') AND seq = 0;
SELECT pg_temp.check(pg_temp.gf(:'a') #>> '{content,complainant,name}' = 'Renamed Readcheck',
	'core.fir_person UPDATE shows in the next read');
DELETE FROM core.fir_person WHERE state_code = 9 AND year = :y AND fir_id = pg_temp.fid(:'a') AND seq = 2;
SELECT pg_temp.check(jsonb_array_length(pg_temp.gf(:'a') #> '{content,accused}') = 1,
	'core.fir_person DELETE shows in the next read');

-- core.fir_property: INSERT, UPDATE, DELETE
INSERT INTO core.fir_property
SELECT (jsonb_populate_record(o, '{"seq": 5}')).* FROM core.fir_property o
WHERE o.state_code = 9 AND o.year = :y AND o.fir_id = pg_temp.fid(:'a') AND o.seq = (SELECT min(seq)
	FROM core.fir_property x WHERE x.state_code = 9 AND x.year = :y AND x.fir_id = pg_temp.fid(:'a'));
SELECT pg_temp.check(jsonb_array_length(pg_temp.gf(:'a') #> '{content,properties}') = 2,
	'core.fir_property INSERT shows in the next read');
UPDATE core.fir_property SET description = 'Second phone (read check)' WHERE state_code = 9 AND year = :y
	AND fir_id = pg_temp.fid(:'a') AND seq = 5;
SELECT pg_temp.check(pg_temp.gf(:'a') #>> '{content,properties,1,description}' = 'Second phone (read check)',
	'core.fir_property UPDATE shows in the next read');
DELETE FROM core.fir_property WHERE state_code = 9 AND year = :y AND fir_id = pg_temp.fid(:'a') AND seq = 5;
SELECT pg_temp.check(jsonb_array_length(pg_temp.gf(:'a') #> '{content,properties}') = 1,
	'core.fir_property DELETE shows in the next read');

-- core.property_identifier (0045: the identifiers are in the rendered FIR):
-- INSERT, UPDATE, DELETE of the first property's identifiers; the read
-- between them is a hit.
SELECT pg_temp.gf(:'a') IS NOT NULL AS warm \gset
INSERT INTO core.property_identifier (state_code, source, record_year, record_id, item, version, ord, kind, number)
VALUES (9, 'fir_property', :y, pg_temp.fid(:'a'), 0, 0, 0, 'imei', '49-015420-323751-8');
SELECT pg_temp.check(pg_temp.gf(:'a') #> '{content,properties,0,identifiers}'
		= '[{"kind": "imei", "number": "49-015420-323751-8"}]',
	'core.property_identifier INSERT shows in the next read');
SELECT pg_temp.check(pg_temp.cached(:'a') AND (SELECT c.fir #> '{content,properties,0,identifiers,0,number}'
		FROM core.fir_rendered c WHERE c.state_code = 9 AND c.year = :y AND c.fir_id = pg_temp.fid(:'a'))
		= '"49-015420-323751-8"',
	'the identifiers are kept in core.fir_rendered');
INSERT INTO core.property_identifier (state_code, source, record_year, record_id, item, version, ord, kind, number)
VALUES (9, 'lost_item', :y, pg_temp.fid(:'a'), 0, 0, 0, 'serial', 'LOST-ITEM-SAME-ID');
SELECT pg_temp.check(pg_temp.cached(:'a'), 'an identifier of another source leaves the rendered FIR');
SELECT pg_temp.check(pg_temp.gf(:'a') #> '{content,properties,0,identifiers}'
		= '[{"kind": "imei", "number": "49-015420-323751-8"}]',
	'an identifier of another source with the same record number is not the FIR''s');
DELETE FROM core.property_identifier WHERE state_code = 9 AND source = 'lost_item' AND record_year = :y
	AND record_id = pg_temp.fid(:'a');
UPDATE core.property_identifier SET number = '35-209900-176148-1' WHERE state_code = 9 AND source = 'fir_property'
	AND record_year = :y AND record_id = pg_temp.fid(:'a') AND item = 0;
SELECT pg_temp.check(pg_temp.gf(:'a') #>> '{content,properties,0,identifiers,0,number}' = '35-209900-176148-1',
	'core.property_identifier UPDATE shows in the next read');
DELETE FROM core.property_identifier WHERE state_code = 9 AND source = 'fir_property' AND record_year = :y
	AND record_id = pg_temp.fid(:'a');
SELECT pg_temp.check(pg_temp.gf(:'a') #> '{content,properties,0,identifiers}' IS NULL,
	'core.property_identifier DELETE shows in the next read');

-- The transaction that registers an FIR reads it and adds a charge: its
-- own rows' triggers skip it (cctns.fir_new), so the read must not have
-- stored it.
BEGIN;
SELECT pg_temp.reg(pg_temp.sample()) AS t \gset
SELECT pg_temp.gf(:'t') IS NOT NULL AS warm \gset
INSERT INTO core.fir_charge (state_code, year, fir_id, seq, act, section)
VALUES (9, :y, pg_temp.fid(:'t'), 7, 'bns', '318(4)');
COMMIT;
SELECT pg_temp.check(jsonb_array_length(pg_temp.gf(:'t') #> '{content,charges}') = 2,
	'an FIR read and changed by the transaction that registered it shows the change');

-- ref.station: the station's name in the receipt
UPDATE ref.station SET name = 'Test PS 990210 Agra (read, renamed)' WHERE state_code = 9 AND station_code = 990210;
SELECT pg_temp.check(pg_temp.gf(:'a') #>> '{receipt,station,station_name}' = 'Test PS 990210 Agra (read, renamed)',
	'ref.station UPDATE shows in the next read');
UPDATE ref.station SET name = 'Test PS 990210 Agra (read)' WHERE state_code = 9 AND station_code = 990210;

-- core.fir of the sending FIR: b registered on transfer from a; a's transfer
-- reason changes later.
UPDATE core.fir SET transferred_at = now(), transfer_reason = 'Jurisdiction (read check)',
	transfer_officer_number = 'READ-W', transfer_officer_name = 'Check READ-W', transfer_officer_rank = 'SI',
	transferred_to_state_code = 9, transferred_to_district_code = 118, transferred_to_station_code = 990210,
	transferred_to_year = :y, transferred_to_fir_id = pg_temp.fid(:'b'), transfer_exported = false,
	status = 'transferred'
WHERE state_code = 9 AND year = :y AND fir_id = pg_temp.fid(:'a');
UPDATE core.fir SET transferred_from_year = :y, transferred_from_fir_id = pg_temp.fid(:'a')
WHERE state_code = 9 AND year = :y AND fir_id = pg_temp.fid(:'b');
SELECT pg_temp.check(pg_temp.gf(:'b') #>> '{transferred_from,reason}' = 'Jurisdiction (read check)',
	'an FIR registered on transfer shows the sending FIR''s transfer');
SELECT pg_temp.check(pg_temp.cached(:'b'), 'the FIR registered on transfer is cached');
UPDATE core.fir SET transfer_reason = 'Jurisdiction, corrected (read check)'
WHERE state_code = 9 AND year = :y AND fir_id = pg_temp.fid(:'a');
SELECT pg_temp.check(pg_temp.gf(:'b') #>> '{transferred_from,reason}' = 'Jurisdiction, corrected (read check)',
	'core.fir UPDATE of the sending FIR shows in the next read of the receiving FIR');

-- core.person: a complainant without an age in the FIR turns out to be a
-- child (the master record's date of birth): JJ Act 74 masks the name.
SELECT pg_temp.check(pg_temp.gf(:'noage') #>> '{content,complainant,name}' = 'Ramesh Kumar',
	'an adult complainant without an age is shown');
SELECT pg_temp.check(pg_temp.cached(:'noage'), 'it is cached');
UPDATE core.person p SET date_of_birth = (now() AT TIME ZONE 'Asia/Kolkata')::date - 3650, year_of_birth = NULL
FROM core.fir_person fp WHERE fp.state_code = 9 AND fp.year = :y AND fp.fir_id = pg_temp.fid(:'noage') AND fp.seq = 0
	AND p.state_code = fp.state_code AND p.person_id = fp.person_id;
SELECT pg_temp.check(pg_temp.gf(:'noage') #>> '{content,complainant,name}' = '[sealed: JJ Act 74]',
	'core.person UPDATE of the date of birth shows in the next read (sealed)');

-- core.final_report_charge: a final report of court_checks.sql altered to
-- IPC 376 seals its case; taken back, it is not sealed (charge seq 90).
SELECT fa.state_code AS fr_st, fa.year AS fr_yr, fa.fir_id AS fr_id, fa.report_no AS fr_rep, fa.seq AS fr_acc,
	f.district_code AS fr_di, f.station_code AS fr_sn, core.fir_number_text(f.fir_no, f.year) AS fr_no
FROM core.final_report_accused fa JOIN core.fir f ON f.state_code = fa.state_code AND f.year = fa.year
	AND f.fir_id = fa.fir_id
WHERE fa.state_code = 9 AND core.case_seal(f.state_code, f.year, f.fir_id) IS NULL
ORDER BY fa.fir_id LIMIT 1 \gset
SELECT pg_temp.check(api.get_fir(:fr_st, :fr_di, :fr_sn, :'fr_no') #>> '{content,brief_facts}' NOT LIKE '[sealed:%',
	'a case with a final report, unsealed');
INSERT INTO core.final_report_charge (state_code, year, fir_id, report_no, accused_seq, seq, act, section)
VALUES (:fr_st, :fr_yr, :fr_id, :fr_rep, :fr_acc, 90, 'ipc', '376');
SELECT pg_temp.check(api.get_fir(:fr_st, :fr_di, :fr_sn, :'fr_no') #>> '{content,brief_facts}' LIKE '[sealed: IPC 228A]%',
	'core.final_report_charge INSERT shows in the next read (sealed)');
UPDATE core.final_report_charge SET section = '379' WHERE state_code = :fr_st AND year = :fr_yr
	AND fir_id = :fr_id AND seq = 90;
SELECT pg_temp.check(api.get_fir(:fr_st, :fr_di, :fr_sn, :'fr_no') #>> '{content,brief_facts}' NOT LIKE '[sealed:%',
	'core.final_report_charge UPDATE shows in the next read');
UPDATE core.final_report_charge SET section = '376' WHERE state_code = :fr_st AND year = :fr_yr
	AND fir_id = :fr_id AND seq = 90;
SELECT api.get_fir(:fr_st, :fr_di, :fr_sn, :'fr_no') IS NOT NULL AS warm \gset
DELETE FROM core.final_report_charge WHERE state_code = :fr_st AND year = :fr_yr AND fir_id = :fr_id AND seq = 90;
SELECT pg_temp.check(api.get_fir(:fr_st, :fr_di, :fr_sn, :'fr_no') #>> '{content,brief_facts}' NOT LIKE '[sealed:%',
	'core.final_report_charge DELETE shows in the next read');

-- ref.sealed_charge: a new sealing charge (BNS 303, theft, for the check)
-- seals the cached theft at once; taken back.
SELECT pg_temp.gf(:'a') IS NOT NULL AS warm \gset
INSERT INTO ref.sealed_charge (act, section, sealed_by) VALUES ('bns', '303', 'BNS 72');
SELECT pg_temp.check(pg_temp.gf(:'a') #>> '{content,complainant,name}' = '[sealed: BNS 72]',
	'ref.sealed_charge INSERT shows in the next read (sealed)');
DELETE FROM ref.sealed_charge WHERE act = 'bns' AND section = '303';
SELECT pg_temp.check(pg_temp.gf(:'a') #>> '{content,complainant,name}' = 'Renamed Readcheck',
	'ref.sealed_charge DELETE shows in the next read');

-- Sealed masking per reader on one cached FIR (BNS 64): the writer and no
-- officer read it masked, the SHO unmasked (and that read is audited), the
-- writer masked again; rendered once.
SELECT pg_temp.reg(jsonb_set(pg_temp.sample(), '{charges}', '[{"act": "bns", "section": "64(1)"}]')) AS s \gset
SELECT set_config('rc.s', :'s', false);
DO $chk$
DECLARE
	s text := current_setting('rc.s');
	reads bigint;
	tid tid;
	j jsonb;
BEGIN
	PERFORM set_config('cctns.officer', 'READ-W', false), set_config('cctns.permissions', '7', false);
	j := pg_temp.gf(s);
	IF j #>> '{content,complainant,name}' <> '[sealed: BNS 72]' THEN
		RAISE EXCEPTION 'FAIL: the writer reads the sealed complainant as %', j #>> '{content,complainant,name}';
	END IF;
	SELECT c.ctid INTO tid FROM core.fir_rendered c WHERE c.station_code = 990210 AND c.fir_id = pg_temp.fid(s);
	IF tid IS NULL THEN
		RAISE EXCEPTION 'FAIL: the sealed FIR was not cached';
	END IF;
	SELECT count(*) INTO reads FROM audit.sealed_read;
	PERFORM set_config('cctns.officer', 'READ-SHO', false), set_config('cctns.permissions', '511', false);
	j := pg_temp.gf(s);
	IF j #>> '{content,complainant,name}' <> 'Ramesh Kumar' THEN
		RAISE EXCEPTION 'FAIL: the SHO reads the sealed complainant as %', j #>> '{content,complainant,name}';
	END IF;
	IF (SELECT count(*) FROM audit.sealed_read) <> reads + 1 OR (SELECT r.action || ' ' || r.record || ' ' || r.sealed_by
			FROM audit.sealed_read r ORDER BY r.id DESC LIMIT 1) <> format('get_fir FIR %s BNS 72', s) THEN
		RAISE EXCEPTION 'FAIL: the SHO''s unmasked read of a cached sealed FIR is not in audit.sealed_read';
	END IF;
	PERFORM set_config('cctns.officer', 'READ-W', false), set_config('cctns.permissions', '7', false);
	j := pg_temp.gf(s);
	IF j #>> '{content,complainant,name}' <> '[sealed: BNS 72]' OR j #>> '{content,brief_facts}' NOT LIKE '[sealed: BNS 72]%' THEN
		RAISE EXCEPTION 'FAIL: the writer reads the sealed FIR after the SHO unmasked';
	END IF;
	PERFORM set_config('cctns.officer', '', false), set_config('cctns.permissions', '', false);
	IF pg_temp.gf(s) #>> '{content,complainant,name}' <> '[sealed: BNS 72]' THEN
		RAISE EXCEPTION 'FAIL: no officer reads the sealed complainant unmasked';
	END IF;
	IF (SELECT c.ctid FROM core.fir_rendered c WHERE c.station_code = 990210 AND c.fir_id = pg_temp.fid(s)) <> tid THEN
		RAISE EXCEPTION 'FAIL: the sealed FIR was rendered again for another reader';
	END IF;
	RAISE NOTICE 'ok: one cached sealed FIR: masked for the writer and no officer, unmasked and audited for the SHO';
END
$chk$;

-- The identifiers of a sealed FIR's property are in the masked JSON too
-- (0045; as 0042 gave them), and the masking is still decided per reader.
INSERT INTO core.property_identifier (state_code, source, record_year, record_id, item, version, ord, kind, number)
VALUES (9, 'fir_property', :y, pg_temp.fid(:'s'), 0, 0, 0, 'serial', 'SEALED-CHECK-0045');
SELECT set_config('cctns.officer', 'READ-W', false), set_config('cctns.permissions', '7', false);
SELECT pg_temp.check(pg_temp.gf(:'s') #>> '{content,properties,0,identifiers,0,number}' = 'SEALED-CHECK-0045'
		AND pg_temp.gf(:'s') #>> '{content,complainant,name}' = '[sealed: BNS 72]',
	'a sealed FIR read masked carries its property identifiers');
SELECT set_config('cctns.officer', 'READ-SHO', false), set_config('cctns.permissions', '511', false);
SELECT pg_temp.check(pg_temp.gf(:'s') #>> '{content,properties,0,identifiers,0,number}' = 'SEALED-CHECK-0045'
		AND pg_temp.gf(:'s') #>> '{content,complainant,name}' = 'Ramesh Kumar',
	'a sealed FIR read unmasked carries its property identifiers');
SELECT set_config('cctns.officer', '', false), set_config('cctns.permissions', '', false);

-- Errors as before: unknown station, bad number, no such FIR; nothing cached.
SELECT pg_temp.expect_error('SELECT api.get_fir(9, 118, 990219, ''1/2026'')', 'CT401', NULL, NULL);
SELECT pg_temp.expect_error('SELECT api.get_fir(9, 118, 990210, ''0/2026'')', 'CT400', 'fir_number', NULL);
SELECT pg_temp.expect_error('SELECT api.get_fir(9, 118, 990210, ''42'')', 'CT400', 'fir_number', NULL);
SELECT pg_temp.expect_error('SELECT api.get_fir(9, 118, 990211, ' || quote_literal(:'a') || ')', 'CT404', 'fir_number', NULL);
SELECT pg_temp.check(NOT EXISTS (SELECT 1 FROM core.fir_rendered WHERE station_code IN (990211, 990219)),
	'nothing cached for refused reads');
