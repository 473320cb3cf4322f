-- 0020_reporting.sql: the reporting schema, NCRB's tables counted from the
-- raw records, and the analyst moved from the case tables to it.
--
-- What an analyst reads from now on: the views of schema reporting and the
-- reference tables of schema ref, nothing in core. The views are owned by
-- cctns_owner and read core with the owner's rights, so they decide what
-- leaves the case tables: counts and codes, never a person, an address or
-- free text.
--
-- How a case is counted (NCRB's rules, as Crime in India states them):
--   * one FIR is one case, counted in the year (IST) it was registered,
--     under its principal offence: of its IPC/BNS charges the one whose
--     crime head is the most serious (ref.crime_head_rank, lower rank =
--     more serious; a tie goes to the first charge). An FIR charged only
--     under special and local laws is not an IPC case and is left out.
--   * a section maps to a crime head by ref.section_head (base section:
--     302, 103 for BNS 103(1)); a section not listed counts as
--     other_ipc_crimes.
--   * the police disposal of a case is its ORIGINAL final report (report 1
--     of core.final_report), counted in the year it was filed (IST),
--     whatever year the case was registered: a charge-sheet, a "true" final
--     report (not charge-sheeted for want of evidence, undetected, untraced,
--     and abated, which NCRB counts with "true") or a "false" one
--     (unoccurred_*): ref.final_report_police_disposal.
--   * crime rate = cases per lakh of the mid-year projected population
--     (ref.population_projection); charge-sheeting rate = charge-sheets /
--     (charge-sheets + true final reports), in percent, over the cases the
--     police disposed of in the year.
--   * a zero FIR sent to the competent station (status transferred) is
--     counted there, as the FIR registered on its arrival, and not at the
--     station that sent it: the aggregate views leave transferred FIRs out.

-- ------------------------------------------------------------ crime head ranks and sections

CREATE TABLE ref.crime_head_rank (
	crime_head text PRIMARY KEY REFERENCES ref.crime_head (code),
	rank int NOT NULL UNIQUE CHECK (rank > 0)
);
COMMENT ON TABLE ref.crime_head_rank IS
	'Seriousness of the NCRB crime heads a charge can be counted under (the sub-head where the head has sub-heads), for the principal offence rule: a case is counted under the most serious head among its charges. Authored for CCTNS from the punishments of the sections (death or life first); see schema/data/SOURCES.md';
COMMENT ON COLUMN ref.crime_head_rank.crime_head IS 'Code of the head (ref.crime_head); never a major head that has sub-heads, nor the total';
COMMENT ON COLUMN ref.crime_head_rank.rank IS 'Lower = more serious: murder 1 ... other_ipc_crimes last; unique, so only charges under one head tie';

INSERT INTO ref.crime_head_rank (crime_head, rank) VALUES
	('murder', 1),
	('dowry_deaths', 2),
	('culpable_homicide_not_amounting_to_murder', 3),
	('custodial_rape', 4),
	('other_rape', 5),
	('dacoity', 6),
	('attempt_to_murder', 7),
	('kidnapping_and_abduction_of_women_and_girls', 8),
	('kidnapping_and_abduction_of_others', 9),
	('importation_of_girls_from_foreign_countries', 10),
	('robbery', 11),
	('preparation_and_assembly_for_dacoity', 12),
	('arson', 13),
	('counterfeiting', 14),
	('riots', 15),
	('burglary', 16),
	('cruelty_by_husband_or_his_relatives', 17),
	('criminal_breach_of_trust', 18),
	('cheating', 19),
	('auto_theft', 20),
	('other_theft', 21),
	('assault_on_women_with_intent_to_outrage_her_modesty', 22),
	('hurt', 23),
	('causing_death_by_negligence', 24),
	('insult_to_modesty_of_women', 25),
	('other_ipc_crimes', 26);

-- Every head a case can be counted under has a rank: each major head
-- without sub-heads, and each sub-head.
DO $$
BEGIN
	IF EXISTS (SELECT 1 FROM ref.crime_head h
		WHERE h.level <> 'total' AND NOT EXISTS (SELECT 1 FROM ref.crime_head s WHERE s.parent_code = h.code)
		AND NOT EXISTS (SELECT 1 FROM ref.crime_head_rank r WHERE r.crime_head = h.code))
		OR EXISTS (SELECT 1 FROM ref.crime_head_rank r JOIN ref.crime_head h ON h.code = r.crime_head
		WHERE h.level = 'total' OR EXISTS (SELECT 1 FROM ref.crime_head s WHERE s.parent_code = h.code)) THEN
		RAISE EXCEPTION '0020: ref.crime_head_rank must rank exactly the heads without sub-heads';
	END IF;
END
$$;

CREATE TABLE ref.section_head (
	act text NOT NULL CHECK (act IN ('ipc', 'bns')),
	section text NOT NULL,
	crime_head text NOT NULL REFERENCES ref.crime_head_rank (crime_head),
	PRIMARY KEY (act, section),
	FOREIGN KEY (act, section) REFERENCES ref.section (act, section)
);
COMMENT ON TABLE ref.section_head IS
	'NCRB crime head of an IPC or BNS base section, for counting cases; a section not listed counts as other_ipc_crimes. Authored for CCTNS from the section titles (schema/data/section_heads.csv; see SOURCES.md): not an NCRB publication';
COMMENT ON COLUMN ref.section_head.act IS 'ipc or bns';
COMMENT ON COLUMN ref.section_head.section IS 'Base section as in ref.section (302, 376AB, 103 for BNS 103(1)): the charge''s core.fir_charge.section_base';
COMMENT ON COLUMN ref.section_head.crime_head IS 'The crime head (the sub-head where the head has sub-heads) a charge under this section is counted under';

--@copy ref.section_head (act, section, crime_head) FROM data/section_heads.csv

-- ------------------------------------------------------------ police disposal of a final report

CREATE TABLE ref.final_report_police_disposal (
	kind text PRIMARY KEY REFERENCES ref.final_report_kind (code),
	police_disposal text NOT NULL CHECK (police_disposal IN ('charge_sheeted', 'final_report_true', 'final_report_false'))
);
COMMENT ON TABLE ref.final_report_police_disposal IS
	'How NCRB counts a case the police disposed of by a final report of each kind: charge-sheeted, final report true or final report false. abated is counted with true, as NCRB does';
COMMENT ON COLUMN ref.final_report_police_disposal.kind IS 'FinalReportKind (ref.final_report_kind)';
COMMENT ON COLUMN ref.final_report_police_disposal.police_disposal IS 'charge_sheeted, final_report_true or final_report_false';

INSERT INTO ref.final_report_police_disposal (kind, police_disposal) VALUES
	('charge_sheet', 'charge_sheeted'),
	('not_charge_sheeted_want_of_evidence', 'final_report_true'),
	('undetected', 'final_report_true'),
	('untraced', 'final_report_true'),
	('abated', 'final_report_true'),
	('unoccurred_false', 'final_report_false'),
	('unoccurred_mistake_of_fact', 'final_report_false'),
	('unoccurred_mistake_of_law', 'final_report_false'),
	('unoccurred_non_cognizable', 'final_report_false'),
	('unoccurred_civil_nature', 'final_report_false');

DO $$
BEGIN
	IF EXISTS (SELECT 1 FROM ref.final_report_kind k
		WHERE NOT EXISTS (SELECT 1 FROM ref.final_report_police_disposal d WHERE d.kind = k.code)) THEN
		RAISE EXCEPTION '0020: a final report kind has no police disposal';
	END IF;
END
$$;

-- ------------------------------------------------------------ population projections

CREATE TABLE ref.population_projection (
	state_code int NOT NULL REFERENCES ref.state (code),
	year int NOT NULL CHECK (year BETWEEN 1950 AND 2199),
	population_lakhs numeric NOT NULL CHECK (population_lakhs > 0),
	source text NOT NULL CHECK (source <> ''),
	PRIMARY KEY (state_code, year)
);
COMMENT ON TABLE ref.population_projection IS
	'Mid-year projected population of each state by year, the denominator of the crime rate (reporting.state_table). Loaded with NCRB''s 2022 projection (ref.population); an operator adds other years, connected as cctns_owner, with: \copy ref.population_projection FROM ''file.csv'' CSV HEADER (columns state_code,year,population_lakhs,source)';
COMMENT ON COLUMN ref.population_projection.state_code IS 'LGD state code';
COMMENT ON COLUMN ref.population_projection.year IS 'Calendar year of the projection (mid-year)';
COMMENT ON COLUMN ref.population_projection.population_lakhs IS 'Projected population, in lakhs (1 lakh = 100,000)';
COMMENT ON COLUMN ref.population_projection.source IS 'Where the figure comes from, e.g. the publication and table';

INSERT INTO ref.population_projection (state_code, year, population_lakhs, source)
	SELECT p.state_code, 2022, p.projected_2022_lakhs,
		coalesce(p.projected_2022_source, 'NCRB, Crime in India 2022, Table 1A.1')
	FROM ref.population p
	WHERE p.projected_2022_lakhs IS NOT NULL;

-- ------------------------------------------------------------ the analyst leaves core

-- Analysts read reporting and ref only: no schema usage on core, no grant on
-- any core table or partition, and core.ensure_partitions grants them nothing.
REVOKE ALL ON ALL TABLES IN SCHEMA core FROM cctns_analyst;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA core FROM cctns_analyst;
REVOKE ALL ON SCHEMA core FROM cctns_analyst;

UPDATE core.partitioned_table SET analyst_reads = false;
ALTER TABLE core.partitioned_table ALTER COLUMN analyst_reads SET DEFAULT false;
ALTER TABLE core.partitioned_table ADD CONSTRAINT partitioned_table_not_for_the_analyst CHECK (NOT analyst_reads);
COMMENT ON COLUMN core.partitioned_table.analyst_reads IS
	'Always false since 0020: the analyst reads no case table, only the views of schema reporting';

CREATE OR REPLACE FUNCTION core.ensure_partitions(state int, year int) RETURNS int
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	t core.partitioned_table;
	part text;
	made int := 0;
BEGIN
	IF state IS NULL OR state <= 0 OR year IS NULL OR year < 2000 OR year > 2199 THEN
		RAISE EXCEPTION 'core.ensure_partitions: bad state % or year %', state, year
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	-- Fast path: the last table's partition exists, so every one does.
	IF to_regclass(format('core.%I', (SELECT p.name FROM core.partitioned_table p
			ORDER BY p.create_order DESC LIMIT 1) || '_' || state || '_' || year)) IS NOT NULL THEN
		RETURN 0;
	END IF;

	-- One creator at a time; whoever waited re-checks what now exists.
	PERFORM pg_catalog.pg_advisory_xact_lock(1128485966, 2);
	IF NOT EXISTS (SELECT 1 FROM ref.state s WHERE s.code = state) THEN
		RAISE EXCEPTION 'core.ensure_partitions: no state % in ref.state', state
			USING ERRCODE = 'foreign_key_violation';
	END IF;
	FOR t IN SELECT * FROM core.partitioned_table p ORDER BY p.create_order LOOP
		part := t.name || '_' || state;
		IF to_regclass(format('core.%I', part)) IS NULL THEN
			EXECUTE format('CREATE TABLE core.%I PARTITION OF core.%I FOR VALUES IN (%s) PARTITION BY RANGE (year)',
				part, t.name, state);
			IF t.append_only THEN
				EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON core.%I FOR EACH STATEMENT EXECUTE FUNCTION core.append_only()',
					t.name || '_no_truncate', part);
			END IF;
			made := made + 1;
		END IF;
		part := t.name || '_' || state || '_' || year;
		IF to_regclass(format('core.%I', part)) IS NULL THEN
			EXECUTE format('CREATE TABLE core.%I PARTITION OF core.%I FOR VALUES FROM (%s) TO (%s)',
				part, t.name || '_' || state, year, year + 1);
			IF t.append_only THEN
				EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON core.%I FOR EACH STATEMENT EXECUTE FUNCTION core.append_only()',
					t.name || '_no_truncate', part);
			END IF;
			made := made + 1;
		END IF;
	END LOOP;
	RETURN made;
END
$fn$;
COMMENT ON FUNCTION core.ensure_partitions(int, int) IS
	'Create the missing partitions core.<table>_<state> and core.<table>_<state>_<year> of every table in core.partitioned_table, in its create_order; returns how many were created. Grants nothing: the owner alone reads them (the analyst reads schema reporting). Fast path: one catalog lookup of the last table''s partition (all are made together, in order); creation runs under a transaction advisory lock';

COMMENT ON ROLE cctns_analyst IS
	'SCRB/NCRB analysts: read-only SELECT on the views of schema reporting and the tables of ref (no access to core), statement timeout';

-- ------------------------------------------------------------ schema reporting

CREATE SCHEMA reporting;
COMMENT ON SCHEMA reporting IS
	'What analysts read: NCRB-style counts of cases (FIRs) from the raw records, one view per table; no personal data. Views owned by cctns_owner reading core with its rights';
GRANT USAGE ON SCHEMA reporting TO cctns_analyst;
ALTER DEFAULT PRIVILEGES IN SCHEMA reporting GRANT SELECT ON TABLES TO cctns_analyst;

-- One row per FIR with at least one IPC or BNS charge.
CREATE VIEW reporting.fir_case AS
SELECT f.state_code,
	s.name AS state_name,
	f.district_code,
	d.name AS district_name,
	f.station_code,
	st.name AS station_name,
	f.year::int AS year,
	date_trunc('month', f.registered_at AT TIME ZONE 'Asia/Kolkata')::date AS month,
	(f.registered_at AT TIME ZONE 'Asia/Kolkata')::date AS registered_on,
	p.act,
	p.section AS principal_section,
	p.crime_head AS principal_head,
	h.name AS principal_head_name,
	coalesce(CASE WHEN h.level = 'sub_head' THEN h.parent_code END, h.code) AS major_head,
	f.status::text AS status,
	pd.police_disposal,
	(r.filed_at AT TIME ZONE 'Asia/Kolkata')::date AS police_disposed_on,
	extract(year FROM r.filed_at AT TIME ZONE 'Asia/Kolkata')::int AS police_disposal_year
FROM core.fir f
JOIN (
	-- The principal charge of each FIR: most serious head, then first charge.
	SELECT DISTINCT ON (c.state_code, c.year, c.fir_id)
		c.state_code, c.year, c.fir_id, c.act, c.section_base AS section, k.crime_head
	FROM core.fir_charge c
	LEFT JOIN ref.section_head sh ON sh.act = c.act AND sh.section = c.section_base
	JOIN ref.crime_head_rank k ON k.crime_head = coalesce(sh.crime_head, 'other_ipc_crimes')
	WHERE c.act IN ('ipc', 'bns')
	ORDER BY c.state_code, c.year, c.fir_id, k.rank, c.seq
) p ON p.state_code = f.state_code AND p.year = f.year AND p.fir_id = f.fir_id
JOIN ref.crime_head h ON h.code = p.crime_head
JOIN ref.state s ON s.code = f.state_code
JOIN ref.district d ON d.state_code = f.state_code AND d.district_code = f.district_code
JOIN ref.station st ON st.state_code = f.state_code AND st.district_code = f.district_code
	AND st.station_code = f.station_code
LEFT JOIN core.final_report r ON r.state_code = f.state_code AND r.year = f.year AND r.fir_id = f.fir_id
	AND r.report_no = 1
LEFT JOIN ref.final_report_police_disposal pd ON pd.kind = r.kind;

COMMENT ON VIEW reporting.fir_case IS
	'One row per FIR (case) with at least one IPC or BNS charge, as NCRB counts it: its station, registration year and month (IST), principal offence and police disposal. FIRs charged only under special and local laws are not here. Transferred zero FIRs are here with status transferred; the other reporting views leave them out (they are counted at the station that registered them on arrival). No personal data';
COMMENT ON COLUMN reporting.fir_case.state_code IS 'LGD state code of the registering station';
COMMENT ON COLUMN reporting.fir_case.state_name IS 'State name (ref.state)';
COMMENT ON COLUMN reporting.fir_case.district_code IS 'LGD district code of the registering station';
COMMENT ON COLUMN reporting.fir_case.district_name IS 'District name (ref.district)';
COMMENT ON COLUMN reporting.fir_case.station_code IS 'Code of the registering station within its district';
COMMENT ON COLUMN reporting.fir_case.station_name IS 'Name of the registering station (ref.station)';
COMMENT ON COLUMN reporting.fir_case.year IS 'Registration year in India Standard Time: the year the case is counted in';
COMMENT ON COLUMN reporting.fir_case.month IS 'First day of the registration month (IST)';
COMMENT ON COLUMN reporting.fir_case.registered_on IS 'Registration date (IST)';
COMMENT ON COLUMN reporting.fir_case.act IS 'Act of the principal charge: ipc or bns';
COMMENT ON COLUMN reporting.fir_case.principal_section IS 'Base section of the principal charge (302; 103 for BNS 103(1)): of the FIR''s IPC/BNS charges, the one whose crime head ranks most serious (ref.crime_head_rank), the first charge on a tie';
COMMENT ON COLUMN reporting.fir_case.principal_head IS 'NCRB crime head the case is counted under: the principal section''s head (ref.section_head; other_ipc_crimes when the section is not listed), a sub-head where the head has sub-heads';
COMMENT ON COLUMN reporting.fir_case.principal_head_name IS 'Name of principal_head (ref.crime_head)';
COMMENT ON COLUMN reporting.fir_case.major_head IS 'The major head principal_head belongs to (itself when it is a major head): rape for other_rape, theft for auto_theft';
COMMENT ON COLUMN reporting.fir_case.status IS 'Current case status (ref.case_status)';
COMMENT ON COLUMN reporting.fir_case.police_disposal IS 'How the police disposed of the case, by its original final report (report 1): charge_sheeted, final_report_true (want of evidence, undetected, untraced; abated, counted with true as NCRB does) or final_report_false (unoccurred_*); NULL while no final report was filed (under investigation)';
COMMENT ON COLUMN reporting.fir_case.police_disposed_on IS 'Date (IST) the original final report was filed; NULL when none was';
COMMENT ON COLUMN reporting.fir_case.police_disposal_year IS 'Year (IST) the original final report was filed: the year the disposal is counted in, whatever year the case was registered';

-- Registrations and police disposals of a state in a year, shared below.
CREATE VIEW reporting.state_year_count AS
SELECT c.state_code,
	v.year,
	sum(v.registered)::bigint AS registered,
	sum(v.disposed)::bigint AS disposed_by_police,
	sum(v.charge_sheeted)::bigint AS charge_sheeted,
	sum(v.final_report_true)::bigint AS final_report_true,
	sum(v.final_report_false)::bigint AS final_report_false
FROM reporting.fir_case c
CROSS JOIN LATERAL (VALUES
	(c.year, 1, 0, 0, 0, 0),
	(c.police_disposal_year, 0, 1, (c.police_disposal = 'charge_sheeted')::int,
		(c.police_disposal = 'final_report_true')::int, (c.police_disposal = 'final_report_false')::int)
) v (year, registered, disposed, charge_sheeted, final_report_true, final_report_false)
WHERE c.status <> 'transferred' AND v.year IS NOT NULL
GROUP BY c.state_code, v.year;

COMMENT ON VIEW reporting.state_year_count IS
	'Per state and year: IPC/BNS cases registered that year and cases the police disposed of that year (original final report filed that year, whatever year registered), from reporting.fir_case without transferred zero FIRs; one row per state and year with either';
COMMENT ON COLUMN reporting.state_year_count.state_code IS 'LGD state code';
COMMENT ON COLUMN reporting.state_year_count.year IS 'Calendar year (IST)';
COMMENT ON COLUMN reporting.state_year_count.registered IS 'Cases registered in the year';
COMMENT ON COLUMN reporting.state_year_count.disposed_by_police IS 'Cases whose original final report was filed in the year (any kind)';
COMMENT ON COLUMN reporting.state_year_count.charge_sheeted IS 'Of those, charge-sheeted';
COMMENT ON COLUMN reporting.state_year_count.final_report_true IS 'Of those, final report true (including abated)';
COMMENT ON COLUMN reporting.state_year_count.final_report_false IS 'Of those, final report false (unoccurred_*)';

CREATE VIEW reporting.state_table AS
SELECT c.year,
	c.state_code,
	s.name AS state_name,
	coalesce(c2.registered, 0)::bigint AS cases_2,
	coalesce(c1.registered, 0)::bigint AS cases_1,
	c.registered AS cases,
	pp.population_lakhs,
	round(c.registered / pp.population_lakhs, 1) AS crime_rate,
	c.charge_sheeted,
	c.final_report_true,
	round(100.0 * c.charge_sheeted / nullif(c.charge_sheeted + c.final_report_true, 0), 1) AS chargesheeting_rate
FROM reporting.state_year_count c
JOIN ref.state s ON s.code = c.state_code
LEFT JOIN reporting.state_year_count c1 ON c1.state_code = c.state_code AND c1.year = c.year - 1
LEFT JOIN reporting.state_year_count c2 ON c2.state_code = c.state_code AND c2.year = c.year - 2
LEFT JOIN ref.population_projection pp ON pp.state_code = c.state_code AND pp.year = c.year
WHERE c.registered > 0;

COMMENT ON VIEW reporting.state_table IS
	'NCRB Crime in India Table 1A.1 (State/UT-wise cognizable IPC crimes) from the raw records: one row per state and year that has cases. Cases are FIRs with an IPC/BNS charge (reporting.fir_case), transferred zero FIRs left out';
COMMENT ON COLUMN reporting.state_table.year IS 'The year of the table (registration year, IST)';
COMMENT ON COLUMN reporting.state_table.state_code IS 'LGD state code';
COMMENT ON COLUMN reporting.state_table.state_name IS 'State name (ref.state)';
COMMENT ON COLUMN reporting.state_table.cases_2 IS 'Cases registered in year - 2';
COMMENT ON COLUMN reporting.state_table.cases_1 IS 'Cases registered in year - 1';
COMMENT ON COLUMN reporting.state_table.cases IS 'Cases registered in year';
COMMENT ON COLUMN reporting.state_table.population_lakhs IS 'Mid-year projected population of the year, lakhs (ref.population_projection); NULL when none is loaded';
COMMENT ON COLUMN reporting.state_table.crime_rate IS 'Cases per lakh population: round(cases / population_lakhs, 1); NULL without a population';
COMMENT ON COLUMN reporting.state_table.charge_sheeted IS 'Cases charge-sheeted by the police in year (original final report a charge-sheet, filed in year), whatever year registered';
COMMENT ON COLUMN reporting.state_table.final_report_true IS 'Cases closed by a true final report in year (want of evidence, undetected, untraced, abated), whatever year registered';
COMMENT ON COLUMN reporting.state_table.chargesheeting_rate IS 'Charge-sheeting rate, percent: round(100 * charge_sheeted / (charge_sheeted + final_report_true), 1); NULL when both are 0';

CREATE VIEW reporting.district_head_table AS
SELECT c.year,
	c.state_code,
	c.district_code,
	c.district_name,
	c.principal_head AS crime_head,
	c.principal_head_name AS crime_head_name,
	count(*) AS cases
FROM reporting.fir_case c
WHERE c.status <> 'transferred'
GROUP BY c.year, c.state_code, c.district_code, c.district_name, c.principal_head, c.principal_head_name;

COMMENT ON VIEW reporting.district_head_table IS
	'Cases by district and crime head per year (the shape of NCRB''s district-wise IPC crime table): one row per year, district and head with cases. A case counts once, under its principal head (a sub-head where the head has sub-heads; add the sub-heads for the major head, and all rows for the total)';
COMMENT ON COLUMN reporting.district_head_table.year IS 'Registration year (IST)';
COMMENT ON COLUMN reporting.district_head_table.state_code IS 'LGD state code';
COMMENT ON COLUMN reporting.district_head_table.district_code IS 'LGD district code of the registering station';
COMMENT ON COLUMN reporting.district_head_table.district_name IS 'District name (ref.district)';
COMMENT ON COLUMN reporting.district_head_table.crime_head IS 'Principal crime head (ref.crime_head code)';
COMMENT ON COLUMN reporting.district_head_table.crime_head_name IS 'Name of the crime head';
COMMENT ON COLUMN reporting.district_head_table.cases IS 'Cases registered in the year in the district under the head';

CREATE VIEW reporting.monthly_trend AS
SELECT c.month,
	c.state_code,
	c.district_code,
	c.principal_head AS crime_head,
	count(*) AS cases
FROM reporting.fir_case c
WHERE c.status <> 'transferred'
GROUP BY c.month, c.state_code, c.district_code, c.principal_head;

COMMENT ON VIEW reporting.monthly_trend IS
	'Cases registered per month, district and principal crime head: one row per month, district and head with cases (months without cases have no row: treat them as 0)';
COMMENT ON COLUMN reporting.monthly_trend.month IS 'First day of the registration month (IST)';
COMMENT ON COLUMN reporting.monthly_trend.state_code IS 'LGD state code';
COMMENT ON COLUMN reporting.monthly_trend.district_code IS 'LGD district code of the registering station';
COMMENT ON COLUMN reporting.monthly_trend.crime_head IS 'Principal crime head (ref.crime_head code)';
COMMENT ON COLUMN reporting.monthly_trend.cases IS 'Cases registered in the month in the district under the head';

CREATE VIEW reporting.pendency AS
WITH span AS (
	SELECT c.state_code, min(c.year) AS lo, max(c.year) AS hi
	FROM reporting.state_year_count c
	GROUP BY c.state_code
), grid AS (
	SELECT s.state_code, g.year,
		coalesce(c.registered, 0) AS registered,
		coalesce(c.disposed_by_police, 0) AS disposed_by_police
	FROM span s
	CROSS JOIN LATERAL generate_series(s.lo, s.hi) g (year)
	LEFT JOIN reporting.state_year_count c ON c.state_code = s.state_code AND c.year = g.year
), running AS (
	SELECT g.*,
		sum(g.registered - g.disposed_by_police) OVER (PARTITION BY g.state_code ORDER BY g.year)::bigint AS pending_at_end
	FROM grid g
)
SELECT r.year,
	r.state_code,
	(r.pending_at_end - r.registered + r.disposed_by_police)::bigint AS pending_at_start,
	r.registered::bigint AS registered,
	r.disposed_by_police::bigint AS disposed_by_police,
	r.pending_at_end,
	round(100.0 * r.pending_at_end / nullif(r.pending_at_end + r.disposed_by_police, 0), 1) AS pendency_pct
FROM running r;

COMMENT ON VIEW reporting.pendency IS
	'Police investigation pendency per state and year (NCRB''s "police disposal" table): cases pending at the start, registered, disposed of by the police (original final report filed), pending at the end. One row per state for every year from its first case to its last registration or disposal. Transferred zero FIRs left out; cases registered before CCTNS held them are not known, so the first year starts at 0';
COMMENT ON COLUMN reporting.pendency.year IS 'Calendar year (IST)';
COMMENT ON COLUMN reporting.pendency.state_code IS 'LGD state code';
COMMENT ON COLUMN reporting.pendency.pending_at_start IS 'Cases registered before the year with no original final report filed before it';
COMMENT ON COLUMN reporting.pendency.registered IS 'Cases registered in the year';
COMMENT ON COLUMN reporting.pendency.disposed_by_police IS 'Cases whose original final report (any kind: charge-sheet, true or false) was filed in the year, whatever year registered';
COMMENT ON COLUMN reporting.pendency.pending_at_end IS 'pending_at_start + registered - disposed_by_police: cases registered by the end of the year with no original final report filed by then';
COMMENT ON COLUMN reporting.pendency.pendency_pct IS 'Pendency percentage: round(100 * pending_at_end / (pending_at_start + registered), 1); NULL when there was nothing to investigate';

GRANT SELECT ON ALL TABLES IN SCHEMA reporting TO cctns_analyst;
