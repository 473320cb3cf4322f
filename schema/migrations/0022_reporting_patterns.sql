-- 0022_reporting_patterns.sql: patterns of crime for the analyst: which
-- methods (modus operandi) are rising where, when crimes happen (day of the
-- week and hour), how many persons are accused again and again, which places
-- keep coming back, and road accidents. Views of schema reporting, owned by
-- cctns_owner like those of 0020, readable by cctns_analyst; no personal data:
-- no names, addresses, phones, free text, and no person_id or fir_id either.
--
-- What is a case here: as in 0020 (reporting.fir_case), an FIR with at least
-- one IPC or BNS charge, counted under its principal head, transferred zero
-- FIRs left out (they are counted where they were registered on arrival).
-- The one exception is reporting.repeat_offenders, which counts every FIR,
-- special and local laws included (see its COMMENT).
--
-- Times are in India Standard Time. The crime details (IIF-II) of an FIR
-- are taken from its latest version (the highest core.crime_details.version).

-- ------------------------------------------------------------ the principal charge, once

-- The principal charge of each FIR with an IPC/BNS charge, by the rule of
-- reporting.fir_case (0020): the charge whose head ranks most serious, the
-- first charge on a tie. Here in core (the owner's) so that the views below
-- can join it to the FIR and its crime details by fir_id, which no reporting
-- view shows. patterns_checks.sql checks that it agrees with fir_case.
CREATE VIEW core.fir_principal_charge AS
SELECT DISTINCT ON (c.state_code, c.year, c.fir_id)
	c.state_code, c.year, c.fir_id, c.act, c.section_base AS section, k.crime_head
FROM core.fir_charge c
LEFT JOIN ref.section_head sh ON sh.act = c.act AND sh.section = c.section_base
JOIN ref.crime_head_rank k ON k.crime_head = coalesce(sh.crime_head, 'other_ipc_crimes')
WHERE c.act IN ('ipc', 'bns')
ORDER BY c.state_code, c.year, c.fir_id, k.rank, c.seq;

COMMENT ON VIEW core.fir_principal_charge IS
	'The principal charge of each FIR with an IPC or BNS charge, by the rule of reporting.fir_case: of its IPC/BNS charges the one whose head ranks most serious (ref.crime_head_rank), the first on a tie. For the reporting views that need the FIR''s id (0022); not for the analyst';
COMMENT ON COLUMN core.fir_principal_charge.state_code IS 'State of the FIR (core.fir)';
COMMENT ON COLUMN core.fir_principal_charge.year IS 'Registration year of the FIR (core.fir)';
COMMENT ON COLUMN core.fir_principal_charge.fir_id IS 'The FIR';
COMMENT ON COLUMN core.fir_principal_charge.act IS 'ipc or bns';
COMMENT ON COLUMN core.fir_principal_charge.section IS 'Base section of the principal charge';
COMMENT ON COLUMN core.fir_principal_charge.crime_head IS 'NCRB crime head of the principal charge (ref.section_head; other_ipc_crimes when not listed)';

-- The cases of the views below: FIRs with an IPC/BNS charge, not
-- transferred, with their principal head and the latest crime details
-- version (NULL when none was recorded).
CREATE VIEW core.reporting_case AS
SELECT f.state_code, f.year, f.fir_id, f.district_code, f.station_code,
	f.registered_at, f.occurred_from, f.place_beat, f.place_pincode,
	p.crime_head,
	(SELECT max(d.version) FROM core.crime_details d
		WHERE d.state_code = f.state_code AND d.year = f.year AND d.fir_id = f.fir_id) AS details_version
FROM core.fir f
JOIN core.fir_principal_charge p ON p.state_code = f.state_code AND p.year = f.year AND p.fir_id = f.fir_id
WHERE f.status <> 'transferred';

COMMENT ON VIEW core.reporting_case IS
	'The cases the pattern views of 0022 count: FIRs with an IPC/BNS charge that were not transferred (as reporting.fir_case less transferred zero FIRs), with the principal head and the latest crime details version. Not for the analyst: it carries fir_id and the place''s beat and PIN code per case';
COMMENT ON COLUMN core.reporting_case.state_code IS 'State of the FIR';
COMMENT ON COLUMN core.reporting_case.year IS 'Registration year (IST)';
COMMENT ON COLUMN core.reporting_case.fir_id IS 'The FIR';
COMMENT ON COLUMN core.reporting_case.district_code IS 'District of the registering station';
COMMENT ON COLUMN core.reporting_case.station_code IS 'The registering station';
COMMENT ON COLUMN core.reporting_case.registered_at IS 'When the FIR was registered';
COMMENT ON COLUMN core.reporting_case.occurred_from IS 'When the occurrence began';
COMMENT ON COLUMN core.reporting_case.place_beat IS 'Beat of the place of occurrence, as written';
COMMENT ON COLUMN core.reporting_case.place_pincode IS 'PIN code of the place of occurrence';
COMMENT ON COLUMN core.reporting_case.crime_head IS 'Principal crime head (core.fir_principal_charge)';
COMMENT ON COLUMN core.reporting_case.details_version IS 'Latest version of the FIR''s crime details (core.crime_details); NULL when none was recorded';

-- ------------------------------------------------------------ modus operandi by quarter

CREATE VIEW reporting.mo_trend AS
WITH q AS (
	SELECT c.state_code, c.district_code, d.mo_major, d.mo_minor,
		date_trunc('quarter', c.registered_at AT TIME ZONE 'Asia/Kolkata')::date AS quarter,
		count(*) AS cases
	FROM core.reporting_case c
	JOIN core.crime_details d ON d.state_code = c.state_code AND d.year = c.year AND d.fir_id = c.fir_id
		AND d.version = c.details_version
	GROUP BY 1, 2, 3, 4, 5
), keyed AS (
	-- Each quarter with cases, and the quarter after it (so a method that
	-- stopped shows its fall to 0), never beyond the current quarter.
	SELECT DISTINCT q.state_code, q.district_code, q.mo_major, q.mo_minor, k.quarter
	FROM q
	CROSS JOIN LATERAL (VALUES (q.quarter), ((q.quarter + interval '3 months')::date)) k (quarter)
	WHERE k.quarter <= date_trunc('quarter', now() AT TIME ZONE 'Asia/Kolkata')::date
)
SELECT k.quarter,
	k.state_code,
	k.district_code,
	k.mo_major,
	k.mo_minor,
	coalesce(cur.cases, 0)::bigint AS cases,
	coalesce(prev.cases, 0)::bigint AS cases_prev_quarter,
	(coalesce(cur.cases, 0) - coalesce(prev.cases, 0))::bigint AS change
FROM keyed k
LEFT JOIN q cur ON cur.state_code = k.state_code AND cur.district_code = k.district_code
	AND cur.mo_major = k.mo_major AND cur.mo_minor = k.mo_minor AND cur.quarter = k.quarter
LEFT JOIN q prev ON prev.state_code = k.state_code AND prev.district_code = k.district_code
	AND prev.mo_major = k.mo_major AND prev.mo_minor = k.mo_minor
	AND prev.quarter = (k.quarter - interval '3 months')::date;

COMMENT ON VIEW reporting.mo_trend IS
	'Cases by modus operandi head, district and registration quarter (IST), with the quarter before: which methods are rising where. A case is an FIR with an IPC/BNS charge, not transferred, that has crime details (IIF-II); its MO is that of the latest version of its crime details. One row per district, MO head and quarter with cases, and one for the quarter after (cases 0) so that a method that stopped shows its fall; never a quarter after the current one';
COMMENT ON COLUMN reporting.mo_trend.quarter IS 'First day of the registration quarter (IST): 1 January, 1 April, 1 July or 1 October';
COMMENT ON COLUMN reporting.mo_trend.state_code IS 'LGD state code';
COMMENT ON COLUMN reporting.mo_trend.district_code IS 'LGD district code of the registering station';
COMMENT ON COLUMN reporting.mo_trend.mo_major IS 'Modus operandi major head (ref.mo_head.major), from the latest crime details version';
COMMENT ON COLUMN reporting.mo_trend.mo_minor IS 'Modus operandi minor head (ref.mo_head.minor; general: the major head itself)';
COMMENT ON COLUMN reporting.mo_trend.cases IS 'Cases registered in the quarter in the district with this MO';
COMMENT ON COLUMN reporting.mo_trend.cases_prev_quarter IS 'The same count for the quarter before (0 when none)';
COMMENT ON COLUMN reporting.mo_trend.change IS 'cases - cases_prev_quarter: positive when the method is rising';

-- ------------------------------------------------------------ time of occurrence

CREATE VIEW reporting.time_profile AS
SELECT c.state_code,
	c.district_code,
	c.crime_head,
	extract(isodow FROM c.occurred_from AT TIME ZONE 'Asia/Kolkata')::int AS day_of_week,
	extract(hour FROM c.occurred_from AT TIME ZONE 'Asia/Kolkata')::int AS hour,
	count(*) AS cases
FROM core.reporting_case c
GROUP BY 1, 2, 3, 4, 5;

COMMENT ON VIEW reporting.time_profile IS
	'When crimes happen: cases by district, principal crime head, day of the week and hour at which the occurrence began (FIR occurred_from, IST), over all years (a case registered in any year counts). A case is an FIR with an IPC/BNS charge, not transferred. One row per district, head, day and hour with cases (treat missing ones as 0). An occurrence over a period is counted at its start';
COMMENT ON COLUMN reporting.time_profile.state_code IS 'LGD state code';
COMMENT ON COLUMN reporting.time_profile.district_code IS 'LGD district code of the registering station';
COMMENT ON COLUMN reporting.time_profile.crime_head IS 'Principal crime head (ref.crime_head code), as reporting.fir_case';
COMMENT ON COLUMN reporting.time_profile.day_of_week IS 'ISO day of the week the occurrence began (IST): 1 Monday ... 7 Sunday';
COMMENT ON COLUMN reporting.time_profile.hour IS 'Hour of the day the occurrence began (IST), 0..23: 18 is 18:00-18:59';
COMMENT ON COLUMN reporting.time_profile.cases IS 'Cases whose occurrence began in that hour of that day of the week';

-- ------------------------------------------------------------ repeat offenders

CREATE TABLE ref.repeat_band (
	band text PRIMARY KEY,
	lo int NOT NULL CHECK (lo >= 1),
	hi int CHECK (hi >= lo),
	ord int NOT NULL UNIQUE
);
COMMENT ON TABLE ref.repeat_band IS
	'Bands of the number of FIRs a person is accused in, for reporting.repeat_offenders: 1, 2, 3-5, 6+. Authored for CCTNS (a distribution wide enough that no person stands out)';
COMMENT ON COLUMN ref.repeat_band.band IS 'The band as shown: 1, 2, 3-5, 6+';
COMMENT ON COLUMN ref.repeat_band.lo IS 'Fewest FIRs in the band';
COMMENT ON COLUMN ref.repeat_band.hi IS 'Most FIRs in the band; NULL: no upper bound';
COMMENT ON COLUMN ref.repeat_band.ord IS 'Order of the bands';
INSERT INTO ref.repeat_band (band, lo, hi, ord) VALUES
	('1', 1, 1, 1), ('2', 2, 2, 2), ('3-5', 3, 5, 3), ('6+', 6, NULL, 4);
GRANT SELECT ON ref.repeat_band TO cctns_analyst;

CREATE VIEW reporting.repeat_offenders AS
WITH linked AS (
	-- Each person and each FIR they are linked to as accused or arrested,
	-- once, with the FIR's district.
	SELECT DISTINCT l.state_code, l.year AS person_year, l.person_id, f.fir_id, f.district_code
	FROM core.person_link l
	JOIN core.fir f ON f.fir_id = l.fir_id AND f.state_code = l.state_code
	WHERE l.role IN ('accused', 'arrested') AND l.fir_id IS NOT NULL AND f.status <> 'transferred'
), per_person AS (
	SELECT k.state_code, k.district_code, count(DISTINCT k.fir_id) AS firs
	FROM linked k
	GROUP BY GROUPING SETS ((k.state_code, k.person_year, k.person_id, k.district_code),
		(k.state_code, k.person_year, k.person_id))
)
SELECT p.state_code,
	p.district_code,
	b.band AS cases_as_accused,
	count(*) AS persons
FROM per_person p
JOIN ref.repeat_band b ON p.firs >= b.lo AND (b.hi IS NULL OR p.firs <= b.hi)
GROUP BY p.state_code, p.district_code, b.band, b.ord;

COMMENT ON VIEW reporting.repeat_offenders IS
	'How many persons of the master record are accused in 1, 2, 3-5 or 6+ FIRs: a distribution, no person identifiable. A person counts in an FIR when core.person_link links them to it as accused (named in the FIR or charged in a final report) or arrested (an arrest memo); several links to one FIR count once. Every FIR counts, special and local laws included (NDPS, Arms Act: repeat offending is not only under the IPC), transferred zero FIRs left out. Per district: the person''s FIRs at that district''s stations; district_code NULL: the whole state, where a person with FIRs in two districts counts once with all of them. Only persons the police linked are counted: two records of one person not merged count as two persons. One row per state, district and band with persons';
COMMENT ON COLUMN reporting.repeat_offenders.state_code IS 'LGD state code';
COMMENT ON COLUMN reporting.repeat_offenders.district_code IS 'LGD district code of the FIRs'' stations; NULL for the row of the whole state';
COMMENT ON COLUMN reporting.repeat_offenders.cases_as_accused IS 'Band of the number of FIRs a person is accused or arrested in (ref.repeat_band): 1, 2, 3-5, 6+';
COMMENT ON COLUMN reporting.repeat_offenders.persons IS 'Persons whose number of FIRs falls in the band';

-- ------------------------------------------------------------ repeat locations

CREATE VIEW reporting.repeat_locations AS
SELECT c.state_code,
	c.district_code,
	c.station_code,
	nullif(btrim(c.place_beat), '') AS beat,
	c.place_pincode AS pincode,
	count(*) AS cases,
	min((c.occurred_from AT TIME ZONE 'Asia/Kolkata')::date) AS first_seen,
	max((c.occurred_from AT TIME ZONE 'Asia/Kolkata')::date) AS last_seen
FROM core.reporting_case c
WHERE nullif(btrim(c.place_beat), '') IS NOT NULL OR c.place_pincode IS NOT NULL
GROUP BY 1, 2, 3, 4, 5
HAVING count(*) >= 3;

COMMENT ON VIEW reporting.repeat_locations IS
	'Places where crime recurs: cases by registering station, beat and PIN code of the place of occurrence, for places with 3 or more cases over all years. A place is only its beat (as written on the FIR, trimmed) and PIN code, never a street address; FIRs that give neither are left out. A case is an FIR with an IPC/BNS charge, not transferred';
COMMENT ON COLUMN reporting.repeat_locations.state_code IS 'LGD state code';
COMMENT ON COLUMN reporting.repeat_locations.district_code IS 'LGD district code of the registering station';
COMMENT ON COLUMN reporting.repeat_locations.station_code IS 'The registering station (ref.station)';
COMMENT ON COLUMN reporting.repeat_locations.beat IS 'Beat of the place of occurrence as written on the FIR (surrounding spaces removed); NULL when not given';
COMMENT ON COLUMN reporting.repeat_locations.pincode IS 'PIN code of the place of occurrence; NULL when not given';
COMMENT ON COLUMN reporting.repeat_locations.cases IS 'Cases at the place (3 or more)';
COMMENT ON COLUMN reporting.repeat_locations.first_seen IS 'Date (IST) the earliest of these occurrences began';
COMMENT ON COLUMN reporting.repeat_locations.last_seen IS 'Date (IST) the latest of these occurrences began';

-- ------------------------------------------------------------ road accidents

CREATE TABLE ref.road_accident_section (
	act text NOT NULL CHECK (act IN ('ipc', 'bns')),
	section text NOT NULL CHECK (section ~ '^[0-9]+[A-Z]*(\([0-9a-z]+\))*$'),
	title text NOT NULL CHECK (title <> ''),
	PRIMARY KEY (act, section)
);
COMMENT ON TABLE ref.road_accident_section IS
	'IPC and BNS sections a road accident is charged under, for reporting.road_accident_table: a charge counts when its section is this one or a sub-section of it (106(1) counts 106(1) and 106(1)(a); 279 counts 279). Authored for CCTNS from the section titles; 304A and BNS 106(1) also cover death by other negligence (medical, for one), counted here all the same';
COMMENT ON COLUMN ref.road_accident_section.act IS 'ipc or bns';
COMMENT ON COLUMN ref.road_accident_section.section IS 'Section as written (core.fir_charge.section), or its start';
COMMENT ON COLUMN ref.road_accident_section.title IS 'What the section is about';
INSERT INTO ref.road_accident_section (act, section, title) VALUES
	('ipc', '279', 'Rash driving or riding on a public way'),
	('ipc', '304A', 'Causing death by negligence'),
	('ipc', '337', 'Causing hurt by act endangering life or personal safety of others'),
	('ipc', '338', 'Causing grievous hurt by act endangering life or personal safety of others'),
	('bns', '281', 'Rash driving or riding on a public way'),
	('bns', '106(1)', 'Causing death by negligence'),
	('bns', '106(2)', 'Causing death by rash and negligent driving and escaping without reporting it'),
	('bns', '125', 'Act endangering life or personal safety of others (hurt, grievous hurt)');
GRANT SELECT ON ref.road_accident_section TO cctns_analyst;

CREATE TABLE ref.vehicle_type_pattern (
	vehicle_type text NOT NULL CHECK (vehicle_type ~ '^[a-z_]+$'),
	pattern text NOT NULL CHECK (pattern <> ''),
	priority int PRIMARY KEY
);
COMMENT ON TABLE ref.vehicle_type_pattern IS
	'How the vehicle type of a road accident is read from the crime details'' vehicle_used text: the first pattern (lowest priority number) that matches, case-insensitively, gives the type. Authored for CCTNS (English words officers commonly write); a state may add rows for its language';
COMMENT ON COLUMN ref.vehicle_type_pattern.vehicle_type IS 'two_wheeler, three_wheeler, bus, truck, tractor, car, bicycle, ...';
COMMENT ON COLUMN ref.vehicle_type_pattern.pattern IS 'PostgreSQL regular expression matched with ~* against vehicle_used';
COMMENT ON COLUMN ref.vehicle_type_pattern.priority IS 'Lower first: motorcycle is a two-wheeler before cycle makes it a bicycle';
INSERT INTO ref.vehicle_type_pattern (vehicle_type, pattern, priority) VALUES
	('two_wheeler', '\m(motor ?cycles?|motor ?bikes?|bikes?|scooters?|scooty|mopeds?|two[- ]?wheelers?)\M', 10),
	('three_wheeler', '\m(auto[- ]?rickshaws?|autos?|e[- ]?rickshaws?|three[- ]?wheelers?|tempos?)\M', 20),
	('bus', '\m(bus|buses)\M', 30),
	('truck', '\m(trucks?|lorry|lorries|tankers?|trailers?|dumpers?|tippers?|containers?)\M', 40),
	('tractor', '\mtractors?\M', 50),
	('car', '\m(cars?|jeeps?|suvs?|taxis?|cabs?|vans?)\M', 60),
	('bicycle', '\m(bi)?cycles?\M', 70);
GRANT SELECT ON ref.vehicle_type_pattern TO cctns_analyst;

CREATE VIEW reporting.road_accident_table AS
WITH accident AS (
	SELECT c.*
	FROM core.reporting_case c
	WHERE EXISTS (SELECT 1 FROM core.fir_charge x JOIN ref.road_accident_section r ON r.act = x.act
		AND (x.section = r.section OR x.section LIKE r.section || '(%')
		WHERE x.state_code = c.state_code AND x.year = c.year AND x.fir_id = c.fir_id)
)
SELECT a.year::int AS year,
	a.state_code,
	a.district_code,
	lpad((3 * (extract(hour FROM a.occurred_from AT TIME ZONE 'Asia/Kolkata')::int / 3))::text, 2, '0')
		|| '-' || lpad((3 * (extract(hour FROM a.occurred_from AT TIME ZONE 'Asia/Kolkata')::int / 3) + 3)::text, 2, '0')
		AS hour_band,
	coalesce((SELECT p.vehicle_type FROM core.crime_details d JOIN ref.vehicle_type_pattern p ON d.vehicle_used ~* p.pattern
		WHERE d.state_code = a.state_code AND d.year = a.year AND d.fir_id = a.fir_id AND d.version = a.details_version
		ORDER BY p.priority LIMIT 1),
		CASE WHEN (SELECT nullif(btrim(d.vehicle_used), '') FROM core.crime_details d
			WHERE d.state_code = a.state_code AND d.year = a.year AND d.fir_id = a.fir_id AND d.version = a.details_version)
			IS NOT NULL THEN 'other' ELSE 'not stated' END) AS vehicle_type,
	count(*) AS cases,
	coalesce(sum(v.deaths), 0)::bigint AS deaths,
	coalesce(sum(v.injured), 0)::bigint AS injured
FROM accident a
LEFT JOIN LATERAL (
	SELECT count(*) FILTER (WHERE p.injury = 'fatal') AS deaths,
		count(*) FILTER (WHERE p.injury IN ('simple', 'grievous')) AS injured
	FROM core.crime_details_person p
	WHERE p.state_code = a.state_code AND p.year = a.year AND p.fir_id = a.fir_id
		AND p.version = a.details_version AND p.role = 'victim'
) v ON true
GROUP BY 1, 2, 3, 4, 5;

COMMENT ON VIEW reporting.road_accident_table IS
	'Road accident cases as the police register them: FIRs with a charge under a road-accident section (ref.road_accident_section: IPC 279, 304A, 337, 338; BNS 281, 106(1), 106(2), 125), whatever their principal head, not transferred, by registration year (IST), district, 3-hour band of the time the occurrence began and vehicle type, with the deaths and injured among the victims of the latest crime details version. Accident records proper (the accident report, vehicles and drivers involved, road and weather) are not registered in CCTNS yet: this is read from FIRs and their crime details only, so a case without crime details counts with no deaths, no injured and vehicle type not stated';
COMMENT ON COLUMN reporting.road_accident_table.year IS 'Registration year (IST)';
COMMENT ON COLUMN reporting.road_accident_table.state_code IS 'LGD state code';
COMMENT ON COLUMN reporting.road_accident_table.district_code IS 'LGD district code of the registering station';
COMMENT ON COLUMN reporting.road_accident_table.hour_band IS 'Three hours in which the occurrence began (IST), as NCRB''s accident tables: 00-03, 03-06, ..., 21-24 (18-21 is 18:00-20:59)';
COMMENT ON COLUMN reporting.road_accident_table.vehicle_type IS 'Vehicle type read from the latest crime details'' vehicle_used (ref.vehicle_type_pattern, first match): two_wheeler, three_wheeler, bus, truck, tractor, car, bicycle; other when the text names none of these; not stated when there is no text or no crime details';
COMMENT ON COLUMN reporting.road_accident_table.cases IS 'Road accident cases';
COMMENT ON COLUMN reporting.road_accident_table.deaths IS 'Victims with injury fatal in the latest crime details of these cases';
COMMENT ON COLUMN reporting.road_accident_table.injured IS 'Victims with injury simple or grievous in the latest crime details of these cases';

GRANT SELECT ON ALL TABLES IN SCHEMA reporting TO cctns_analyst;
