-- 0021_reporting_people_property.sql: more of NCRB's tables from the raw
-- records: persons arrested, charge-sheeted and convicted by crime head;
-- property stolen and recovered; court disposals and the conviction rate;
-- crimes against women, children, scheduled castes and tribes, and senior
-- citizens.
--
-- Same rules as 0020: a case is an FIR with an IPC/BNS charge, counted under
-- its principal head, transferred zero FIRs left out (counted at the station
-- that registered them on arrival); views owned by cctns_owner read core with
-- its rights and show counts and codes only: no person, no person_id, no
-- address, no free text (property kinds are mapped to fixed categories).
-- Each view counts its event in the year (IST) it happened: an arrest in the
-- arrest year, a charge-sheet in its filing year, a conviction in the
-- judgement year, a recovery in the seizure year, whatever year the case was
-- registered in (as NCRB does).

-- ------------------------------------------------------------ the principal head of a case (internal)

-- reporting.fir_case deliberately has no FIR id; the views below count
-- persons and property of a case, so they need the case's key. This view is
-- in core: the analyst cannot read it.
CREATE VIEW core.case_head AS
SELECT f.state_code, f.year, f.fir_id, f.district_code, f.station_code, p.crime_head
FROM core.fir f
JOIN (
	SELECT DISTINCT ON (c.state_code, c.year, c.fir_id)
		c.state_code, c.year, c.fir_id, k.crime_head
	FROM core.fir_charge c
	LEFT JOIN ref.section_head sh ON sh.act = c.act AND sh.section = c.section_base
	JOIN ref.crime_head_rank k ON k.crime_head = coalesce(sh.crime_head, 'other_ipc_crimes')
	WHERE c.act IN ('ipc', 'bns')
	ORDER BY c.state_code, c.year, c.fir_id, k.rank, c.seq
) p ON p.state_code = f.state_code AND p.year = f.year AND p.fir_id = f.fir_id
WHERE f.status <> 'transferred';
COMMENT ON VIEW core.case_head IS
	'Internal to the reporting views (not for the analyst): each IPC/BNS case (FIR with an IPC or BNS charge, not a transferred zero FIR) with its key, station and principal crime head, by the rule of reporting.fir_case (most serious head, first charge on a tie)';
COMMENT ON COLUMN core.case_head.state_code IS 'State of the FIR';
COMMENT ON COLUMN core.case_head.year IS 'Registration year of the FIR (IST)';
COMMENT ON COLUMN core.case_head.fir_id IS 'The FIR';
COMMENT ON COLUMN core.case_head.district_code IS 'District of the registering station';
COMMENT ON COLUMN core.case_head.station_code IS 'The registering station';
COMMENT ON COLUMN core.case_head.crime_head IS 'Principal crime head (ref.crime_head_rank)';

-- ------------------------------------------------------------ persons arrested, charge-sheeted, convicted

CREATE VIEW reporting.persons_table AS
SELECT t.year,
	t.state_code,
	(SELECT s.name FROM ref.state s WHERE s.code = t.state_code) AS state_name,
	t.district_code,
	t.crime_head,
	sum(t.arrested)::bigint AS arrested,
	sum(t.charge_sheeted)::bigint AS charge_sheeted,
	sum(t.convicted)::bigint AS convicted
FROM (
	SELECT h.state_code, h.district_code, h.crime_head,
		extract(year FROM a.arrested_at AT TIME ZONE 'Asia/Kolkata')::int AS year,
		1 AS arrested, 0 AS charge_sheeted, 0 AS convicted
	FROM core.arrest a
	JOIN core.case_head h ON h.state_code = a.state_code AND h.year = a.year AND h.fir_id = a.fir_id
	UNION ALL
	SELECT h.state_code, h.district_code, h.crime_head,
		extract(year FROM r.filed_at AT TIME ZONE 'Asia/Kolkata')::int, 0, 1, 0
	FROM core.final_report r
	JOIN core.final_report_accused fa ON fa.state_code = r.state_code AND fa.year = r.year
		AND fa.fir_id = r.fir_id AND fa.report_no = r.report_no AND fa.charged
	JOIN core.case_head h ON h.state_code = r.state_code AND h.year = r.year AND h.fir_id = r.fir_id
	WHERE r.report_no = 1 AND r.kind = 'charge_sheet'
	UNION ALL
	SELECT h.state_code, h.district_code, h.crime_head,
		extract(year FROM d.judgement_date)::int, 0, 0, 1
	FROM core.court_disposal d
	JOIN core.court_disposal_accused da ON da.state_code = d.state_code AND da.year = d.year
		AND da.fir_id = d.fir_id AND da.result = 'convicted'
	JOIN core.case_head h ON h.state_code = d.state_code AND h.year = d.year AND h.fir_id = d.fir_id
) t
GROUP BY t.year, t.state_code, t.district_code, t.crime_head;

COMMENT ON VIEW reporting.persons_table IS
	'Persons arrested, charge-sheeted and convicted in IPC/BNS cases, per year, district and the case''s principal crime head (NCRB''s "persons arrested / charge-sheeted / convicted" tables): one row per year, district and head with any. A person is counted once per case and event; a person in two cases counts twice. Each count has its own year: arrest, filing of the charge-sheet, judgement. Transferred zero FIRs left out';
COMMENT ON COLUMN reporting.persons_table.year IS 'Calendar year (IST) of the event counted: the arrest, the charge-sheet''s filing or the judgement';
COMMENT ON COLUMN reporting.persons_table.state_code IS 'LGD state code of the case''s registering station';
COMMENT ON COLUMN reporting.persons_table.state_name IS 'State name (ref.state)';
COMMENT ON COLUMN reporting.persons_table.district_code IS 'LGD district code of the case''s registering station';
COMMENT ON COLUMN reporting.persons_table.crime_head IS 'Principal crime head of the case (reporting.fir_case.principal_head)';
COMMENT ON COLUMN reporting.persons_table.arrested IS 'Arrest and court surrender memos (core.arrest) with the arrest in the year: one per accused per case';
COMMENT ON COLUMN reporting.persons_table.charge_sheeted IS 'Accused charged (sent for trial) in the case''s original charge-sheet (final report 1 of kind charge_sheet) filed in the year, arrested or not; accused charged only by a supplementary report are not counted';
COMMENT ON COLUMN reporting.persons_table.convicted IS 'Accused convicted (result convicted) by a court disposal whose judgement fell in the year';

-- ------------------------------------------------------------ property stolen and recovered

CREATE TABLE ref.property_kind (
	code text PRIMARY KEY CHECK (code ~ '^[a-z_]+$'),
	name text NOT NULL CHECK (name <> ''),
	ord smallint NOT NULL UNIQUE
);
COMMENT ON TABLE ref.property_kind IS
	'Categories of property for reporting.property_table, after the nature-of-property rows of NCRB''s property stolen and recovered table (motor vehicles, cattle, cash, jewellery, electronic goods, cultural property, arms, other). Authored for CCTNS (see schema/data/SOURCES.md)';
COMMENT ON COLUMN ref.property_kind.code IS 'Category code';
COMMENT ON COLUMN ref.property_kind.name IS 'Category name for a table heading';
COMMENT ON COLUMN ref.property_kind.ord IS 'Order of the category in a table (other last)';

INSERT INTO ref.property_kind (code, name, ord) VALUES
	('motor_vehicle', 'Motor vehicles', 1),
	('cattle', 'Cattle', 2),
	('cash', 'Cash', 3),
	('jewellery', 'Jewellery', 4),
	('electronic', 'Electronic and communication goods', 5),
	('cultural_property', 'Cultural property and antiques', 6),
	('arms', 'Arms and ammunition', 7),
	('other', 'Other property', 99);

CREATE TABLE ref.property_kind_alias (
	alias text PRIMARY KEY CHECK (alias = lower(alias) AND alias <> ''),
	property_kind text NOT NULL REFERENCES ref.property_kind (code)
);
COMMENT ON TABLE ref.property_kind_alias IS
	'The kinds a station writes for a property (core.fir_property.kind, core.seizure_item.kind: free text such as mobile_phone, cash, motorcycle), lower-cased and trimmed, and the category each is counted under; a kind not listed counts as other. A state adds the kinds its stations use with INSERT (as cctns_owner). Authored for CCTNS';
COMMENT ON COLUMN ref.property_kind_alias.alias IS 'A property kind as written, lower case';
COMMENT ON COLUMN ref.property_kind_alias.property_kind IS 'Its category (ref.property_kind)';

INSERT INTO ref.property_kind_alias (alias, property_kind)
SELECT a, k FROM (VALUES
	('motor_vehicle', ARRAY['motor_vehicle', 'vehicle', 'motor vehicle', 'car', 'motorcycle', 'motor_cycle',
		'two_wheeler', 'two-wheeler', 'scooter', 'moped', 'truck', 'bus', 'tractor', 'auto_rickshaw',
		'jeep', 'van', 'three_wheeler']),
	('cattle', ARRAY['cattle', 'cow', 'buffalo', 'bullock', 'ox', 'goat', 'sheep', 'livestock', 'camel', 'horse']),
	('cash', ARRAY['cash', 'money', 'currency', 'currency_notes']),
	('jewellery', ARRAY['jewellery', 'jewelry', 'ornaments', 'gold', 'silver', 'gold_ornaments', 'silver_ornaments',
		'chain', 'gold_chain', 'necklace', 'ring', 'bangle', 'earrings']),
	('electronic', ARRAY['electronic', 'electronics', 'mobile_phone', 'mobile', 'phone', 'smartphone', 'laptop',
		'computer', 'tablet', 'television', 'tv', 'camera']),
	('cultural_property', ARRAY['cultural_property', 'antique', 'antiques', 'idol', 'artefact', 'artifact']),
	('arms', ARRAY['arms', 'firearm', 'gun', 'pistol', 'revolver', 'rifle', 'ammunition', 'cartridges'])
) v (k, aliases), unnest(v.aliases) a;

CREATE VIEW reporting.property_table AS
SELECT t.year,
	t.state_code,
	t.district_code,
	t.property_kind,
	count(DISTINCT t.case_key) FILTER (WHERE t.stolen)::bigint AS stolen_cases,
	coalesce(sum(t.value) FILTER (WHERE t.stolen), 0)::bigint AS value_stolen,
	coalesce(sum(t.value) FILTER (WHERE NOT t.stolen), 0)::bigint AS value_recovered,
	round(100.0 * coalesce(sum(t.value) FILTER (WHERE NOT t.stolen), 0)
		/ nullif(sum(t.value) FILTER (WHERE t.stolen), 0), 1) AS recovery_pct
FROM (
	SELECT h.year::int AS year, h.state_code, h.district_code,
		coalesce(a.property_kind, 'other') AS property_kind,
		h.fir_id AS case_key, true AS stolen, coalesce(p.value_rupees, 0) AS value
	FROM core.fir_property p
	JOIN core.case_head h ON h.state_code = p.state_code AND h.year = p.year AND h.fir_id = p.fir_id
	LEFT JOIN ref.property_kind_alias a ON a.alias = lower(btrim(p.kind))
	UNION ALL
	SELECT extract(year FROM s.seized_at AT TIME ZONE 'Asia/Kolkata')::int, h.state_code, h.district_code,
		coalesce(a.property_kind, 'other'), NULL, false, coalesce(i.value_rupees, 0)
	FROM core.seizure s
	JOIN core.seizure_item i ON i.state_code = s.state_code AND i.year = s.year AND i.fir_id = s.fir_id
		AND i.seizure_no = s.seizure_no
	JOIN core.case_head h ON h.state_code = s.state_code AND h.year = s.year AND h.fir_id = s.fir_id
	LEFT JOIN ref.property_kind_alias a ON a.alias = lower(btrim(i.kind))
	WHERE s.nature = 'stolen'
) t
GROUP BY t.year, t.state_code, t.district_code, t.property_kind;

COMMENT ON VIEW reporting.property_table IS
	'Value of property stolen and recovered in IPC/BNS cases per year, district and category of property (NCRB''s property stolen and recovered table): one row per year, district and category with either. Stolen: the properties of the FIR (core.fir_property), in the registration year. Recovered: items of seizure memos of nature stolen (core.seizure_item), in the year of the seizure, whatever year the case was registered (so a year''s recovery can exceed its theft). Kinds map to categories by ref.property_kind_alias; transferred zero FIRs left out';
COMMENT ON COLUMN reporting.property_table.year IS 'Calendar year (IST): registration year for stolen, seizure year for recovered';
COMMENT ON COLUMN reporting.property_table.state_code IS 'LGD state code of the case''s registering station';
COMMENT ON COLUMN reporting.property_table.district_code IS 'LGD district code of the case''s registering station';
COMMENT ON COLUMN reporting.property_table.property_kind IS 'Category of property (ref.property_kind code; other when the kind written is not in ref.property_kind_alias)';
COMMENT ON COLUMN reporting.property_table.stolen_cases IS 'Cases registered in the year with property of this category in the FIR';
COMMENT ON COLUMN reporting.property_table.value_stolen IS 'Value in rupees of the FIRs'' properties of this category (a property without a value counts 0)';
COMMENT ON COLUMN reporting.property_table.value_recovered IS 'Value in rupees of the items of this category seized as stolen property in the year (an item without a value counts 0)';
COMMENT ON COLUMN reporting.property_table.recovery_pct IS 'Recovery percentage: round(100 * value_recovered / value_stolen, 1); NULL when nothing of value was stolen in the year';

-- ------------------------------------------------------------ court disposal and the conviction rate

CREATE TABLE ref.court_disposal_outcome (
	kind text PRIMARY KEY REFERENCES ref.court_disposal_kind (code),
	outcome text NOT NULL CHECK (outcome IN ('convicted', 'acquitted', 'discharged', 'compounded', 'withdrawn', 'abated')),
	trial_completed boolean NOT NULL
);
COMMENT ON TABLE ref.court_disposal_outcome IS
	'How NCRB counts a case the court disposed of in each way: a case is convicted when at least one accused is (partly_convicted counts as convicted); trials are completed by conviction, acquittal or discharge; compounded, withdrawn and abated cases are disposed of without a completed trial';
COMMENT ON COLUMN ref.court_disposal_outcome.kind IS 'CourtDisposalKind (ref.court_disposal_kind)';
COMMENT ON COLUMN ref.court_disposal_outcome.outcome IS 'The case-level outcome: convicted, acquitted, discharged, compounded, withdrawn, abated';
COMMENT ON COLUMN ref.court_disposal_outcome.trial_completed IS 'Counted among trials completed, the denominator of the conviction rate';

INSERT INTO ref.court_disposal_outcome (kind, outcome, trial_completed) VALUES
	('convicted', 'convicted', true),
	('partly_convicted', 'convicted', true),
	('acquitted', 'acquitted', true),
	('discharged', 'discharged', true),
	('compounded', 'compounded', false),
	('withdrawn', 'withdrawn', false),
	('abated', 'abated', false);

DO $$
BEGIN
	IF EXISTS (SELECT 1 FROM ref.court_disposal_kind k
		WHERE NOT EXISTS (SELECT 1 FROM ref.court_disposal_outcome o WHERE o.kind = k.code)) THEN
		RAISE EXCEPTION '0021: a court disposal kind has no outcome';
	END IF;
END
$$;

CREATE VIEW reporting.court_table AS
SELECT extract(year FROM d.judgement_date)::int AS year,
	h.state_code,
	h.district_code,
	count(*) FILTER (WHERE o.trial_completed) AS trials_completed,
	count(*) FILTER (WHERE o.outcome = 'convicted') AS convicted,
	count(*) FILTER (WHERE o.outcome = 'acquitted') AS acquitted,
	count(*) FILTER (WHERE o.outcome = 'discharged') AS discharged,
	round(100.0 * count(*) FILTER (WHERE o.outcome = 'convicted')
		/ nullif(count(*) FILTER (WHERE o.trial_completed), 0), 1) AS conviction_rate
FROM core.court_disposal d
JOIN core.case_head h ON h.state_code = d.state_code AND h.year = d.year AND h.fir_id = d.fir_id
JOIN ref.court_disposal_outcome o ON o.kind = d.kind
GROUP BY 1, h.state_code, h.district_code;

COMMENT ON VIEW reporting.court_table IS
	'Court disposal of IPC/BNS cases per year of judgement and district (NCRB''s court disposal table), case level: one row per year and district with a disposal. Conviction rate = convicted / trials completed (ref.court_disposal_outcome). Compounded, withdrawn and abated cases are disposed of but not in trials_completed. Transferred zero FIRs left out';
COMMENT ON COLUMN reporting.court_table.year IS 'Year of the judgement';
COMMENT ON COLUMN reporting.court_table.state_code IS 'LGD state code of the case''s registering station';
COMMENT ON COLUMN reporting.court_table.district_code IS 'LGD district code of the case''s registering station';
COMMENT ON COLUMN reporting.court_table.trials_completed IS 'Cases whose trial was completed by a judgement in the year: convicted + acquitted + discharged';
COMMENT ON COLUMN reporting.court_table.convicted IS 'Cases convicted: disposal convicted or partly_convicted (at least one accused convicted)';
COMMENT ON COLUMN reporting.court_table.acquitted IS 'Cases acquitted (disposal acquitted)';
COMMENT ON COLUMN reporting.court_table.discharged IS 'Cases discharged (disposal discharged)';
COMMENT ON COLUMN reporting.court_table.conviction_rate IS 'Conviction rate, percent: round(100 * convicted / trials_completed, 1); NULL when no trial was completed';

-- ------------------------------------------------------------ crimes against groups

CREATE TABLE ref.crime_group (
	code text PRIMARY KEY CHECK (code ~ '^[a-z_]+$'),
	name text NOT NULL CHECK (name <> '')
);
COMMENT ON TABLE ref.crime_group IS
	'Groups of victims NCRB reports crimes against: women, children, scheduled castes and tribes, senior citizens. How a case belongs: reporting.case_group';
COMMENT ON COLUMN ref.crime_group.code IS 'Group code';
COMMENT ON COLUMN ref.crime_group.name IS 'Name for a table heading';

INSERT INTO ref.crime_group (code, name) VALUES
	('women', 'Crimes against women'),
	('children', 'Crimes against children'),
	('sc_st', 'Crimes against Scheduled Castes and Scheduled Tribes'),
	('senior_citizens', 'Crimes against senior citizens');

CREATE TABLE ref.section_group (
	act text NOT NULL CHECK (act IN ('ipc', 'bns')),
	section text NOT NULL,
	crime_group text NOT NULL REFERENCES ref.crime_group (code),
	PRIMARY KEY (act, section, crime_group),
	FOREIGN KEY (act, section) REFERENCES ref.section (act, section)
);
COMMENT ON TABLE ref.section_group IS
	'IPC and BNS base sections whose offence the law defines by its victim (a woman, a child): a case charged under one belongs to that group whoever the recorded victims are. A section may be in two groups (BNS 65: rape of a girl under 16 or 12). Authored for CCTNS from the section titles (see schema/data/SOURCES.md): not an NCRB publication';
COMMENT ON COLUMN ref.section_group.act IS 'ipc or bns';
COMMENT ON COLUMN ref.section_group.section IS 'Base section as in ref.section (354A; 74 for BNS 74)';
COMMENT ON COLUMN ref.section_group.crime_group IS 'The group (ref.crime_group)';

INSERT INTO ref.section_group (act, section, crime_group)
SELECT v.act, s, v.grp FROM (VALUES
	-- Women: dowry death, miscarriage without consent, acid attack, assault and
	-- harassment, kidnapping to compel marriage, procuration and importation of
	-- girls, selling and buying minors for prostitution, rape, cruelty by
	-- husband or relatives, insult to modesty.
	('ipc', 'women', ARRAY['304B', '313', '314', '326A', '326B', '354', '354A', '354B', '354C', '354D', '366',
		'366A', '366B', '372', '373', '376', '376A', '376AB', '376B', '376C', '376D', '376DA', '376DB', '376E',
		'498A', '509']),
	('bns', 'women', ARRAY['80', '89', '90', '124', '74', '75', '76', '77', '78', '87', '96', '141', '98', '99',
		'64', '65', '66', '67', '68', '70', '71', '85', '79']),
	-- Children: abetment of a child's suicide, foeticide and infanticide,
	-- exposure and concealment of birth, kidnapping or maiming for begging,
	-- kidnapping a child to steal, procuration of a minor girl, selling and
	-- buying minors, rape of a girl under 12 (IPC 376AB, 376DB; BNS 65).
	('ipc', 'children', ARRAY['305', '315', '316', '317', '318', '363A', '369', '366A', '372', '373', '376AB',
		'376DB']),
	('bns', 'children', ARRAY['107', '91', '92', '93', '94', '95', '139', '97', '96', '98', '99', '65'])
) v (act, grp, sections), unnest(v.sections) s;

CREATE TABLE ref.special_law_group (
	law text NOT NULL REFERENCES ref.special_law (code),
	crime_group text NOT NULL REFERENCES ref.crime_group (code),
	PRIMARY KEY (law, crime_group)
);
COMMENT ON TABLE ref.special_law_group IS
	'Special and local laws whose every offence is against a group, as NCRB counts them under crimes against it (POCSO: children; Dowry Prohibition: women; SC/ST Prevention of Atrocities: sc_st; ...). A state adds its local laws with INSERT. Authored for CCTNS';
COMMENT ON COLUMN ref.special_law_group.law IS 'The law (ref.special_law.code)';
COMMENT ON COLUMN ref.special_law_group.crime_group IS 'The group (ref.crime_group)';

INSERT INTO ref.special_law_group (law, crime_group) VALUES
	('POCSO', 'children'),
	('JJ', 'children'),
	('PCMA', 'children'),
	('DP', 'women'),
	('ITPA', 'women'),
	('PWDVA', 'women'),
	('SC/ST', 'sc_st'),
	('PCR', 'sc_st');

CREATE VIEW reporting.case_group AS
WITH latest AS (
	-- The current crime details of each FIR: its highest version.
	SELECT DISTINCT ON (d.state_code, d.year, d.fir_id) d.state_code, d.year, d.fir_id, d.version
	FROM core.crime_details d
	ORDER BY d.state_code, d.year, d.fir_id, d.version DESC
), member AS (
	SELECT c.state_code, c.year, c.fir_id, g.crime_group, true AS by_section, false AS by_victim
	FROM core.fir_charge c
	JOIN ref.section_group g ON g.act = c.act AND g.section = c.section_base
	UNION ALL
	SELECT c.state_code, c.year, c.fir_id, g.crime_group, true, false
	FROM core.fir_charge c
	JOIN ref.special_law_group g ON g.law = c.law
	WHERE c.act = 'special_local'
	UNION ALL
	SELECT p.state_code, p.year, p.fir_id, v.crime_group, false, true
	FROM latest l
	JOIN core.crime_details_person p ON p.state_code = l.state_code AND p.year = l.year AND p.fir_id = l.fir_id
		AND p.version = l.version AND p.role = 'victim'
	JOIN core.fir f ON f.state_code = p.state_code AND f.year = p.year AND f.fir_id = p.fir_id
	CROSS JOIN LATERAL (SELECT (f.occurred_from AT TIME ZONE 'Asia/Kolkata')::date AS occurred_on) o
	CROSS JOIN LATERAL (SELECT CASE
		WHEN p.date_of_birth IS NOT NULL THEN extract(year FROM age(o.occurred_on, p.date_of_birth))::int
		WHEN p.year_of_birth IS NOT NULL THEN extract(year FROM o.occurred_on)::int - p.year_of_birth
		END AS age) a
	CROSS JOIN LATERAL (VALUES
		('women', p.gender = 'female'),
		('children', a.age < 18),
		('senior_citizens', a.age >= 60),
		('sc_st', p.sc_st IN ('sc', 'st'))
	) v (crime_group, applies)
	WHERE v.applies
)
SELECT f.state_code,
	f.district_code,
	f.station_code,
	f.year::int AS year,
	date_trunc('month', f.registered_at AT TIME ZONE 'Asia/Kolkata')::date AS month,
	m.crime_group,
	bool_or(m.by_section) AS by_section,
	bool_or(m.by_victim) AS by_victim
FROM member m
JOIN core.fir f ON f.state_code = m.state_code AND f.year = m.year AND f.fir_id = m.fir_id
WHERE f.status <> 'transferred'
GROUP BY f.state_code, f.year, f.fir_id, f.district_code, f.station_code, f.registered_at, m.crime_group;

COMMENT ON VIEW reporting.case_group IS
	'One row per case and group of victims it is a crime against (ref.crime_group), without the FIR''s identity: a case belongs to a group by a charge under a section or special law that names the victim (ref.section_group, ref.special_law_group) or by a victim of its current crime details (the highest version): female -> women; under 18 at the occurrence -> children; 60 or over -> senior_citizens; sc or st -> sc_st. Every FIR counts, special-and-local-law-only ones too (NCRB''s group tables count SLL crimes); transferred zero FIRs left out. A case with a female victim belongs to women whatever the offence, which is wider than NCRB''s list of crime heads against women';
COMMENT ON COLUMN reporting.case_group.state_code IS 'LGD state code of the registering station';
COMMENT ON COLUMN reporting.case_group.district_code IS 'LGD district code of the registering station';
COMMENT ON COLUMN reporting.case_group.station_code IS 'Code of the registering station within its district';
COMMENT ON COLUMN reporting.case_group.year IS 'Registration year (IST)';
COMMENT ON COLUMN reporting.case_group.month IS 'First day of the registration month (IST)';
COMMENT ON COLUMN reporting.case_group.crime_group IS 'The group (ref.crime_group code)';
COMMENT ON COLUMN reporting.case_group.by_section IS 'The case is in the group by a charge (ref.section_group or ref.special_law_group)';
COMMENT ON COLUMN reporting.case_group.by_victim IS 'The case is in the group by a victim of its current crime details: sex, age at the occurrence (from the date of birth; from the year of birth alone, occurrence year - year of birth), SC/ST';

CREATE VIEW reporting.group_table AS
SELECT g.year, g.state_code, g.district_code, g.crime_group, count(*) AS cases
FROM reporting.case_group g
GROUP BY g.year, g.state_code, g.district_code, g.crime_group;

COMMENT ON VIEW reporting.group_table IS
	'Crimes against women, children, scheduled castes and tribes and senior citizens: cases per registration year, district and group (reporting.case_group). A case counts once in each group it belongs to, so the groups do not add up to a total';
COMMENT ON COLUMN reporting.group_table.year IS 'Registration year (IST)';
COMMENT ON COLUMN reporting.group_table.state_code IS 'LGD state code';
COMMENT ON COLUMN reporting.group_table.district_code IS 'LGD district code of the registering station';
COMMENT ON COLUMN reporting.group_table.crime_group IS 'The group (ref.crime_group code)';
COMMENT ON COLUMN reporting.group_table.cases IS 'Cases registered in the year in the district against the group';

GRANT SELECT ON ref.property_kind, ref.property_kind_alias, ref.court_disposal_outcome, ref.crime_group,
	ref.section_group, ref.special_law_group TO cctns_analyst;
GRANT SELECT ON ALL TABLES IN SCHEMA reporting TO cctns_analyst;
