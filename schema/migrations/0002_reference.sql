-- 0002_reference.sql: reference tables (ref.*) and their data.
--
-- The CSVs in schema/data/ are loaded with the runner's directive
--   --@copy <table (columns)> FROM data/<file>.csv
-- which cctns-admin turns into COPY ... FROM STDIN (FORMAT csv, HEADER true)
-- inside this migration's transaction; the data files are part of this
-- migration's checksum. A CSV whose columns do not map 1:1 goes through a
-- temporary staging table first. See schema/data/SOURCES.md for sources.

-- ------------------------------------------------------------ states

CREATE TABLE ref.state (
	code int PRIMARY KEY CHECK (code > 0),
	name text NOT NULL UNIQUE CHECK (name <> ''),
	type text NOT NULL CHECK (type IN ('state', 'ut')),
	census2011_code text CHECK (census2011_code ~ '^[0-9]{2}$')
);
COMMENT ON TABLE ref.state IS
	'States and union territories of India (LGD, post-2019 list). Source: Local Government Directory, MoPR; see schema/data/SOURCES.md';
COMMENT ON COLUMN ref.state.code IS 'LGD state code, the national state code used everywhere in CCTNS (certificates, FIR keys)';
COMMENT ON COLUMN ref.state.name IS 'State or UT name as in LGD, title case';
COMMENT ON COLUMN ref.state.type IS 'state or ut (union territory)';
COMMENT ON COLUMN ref.state.census2011_code IS 'Two-digit Census 2011 state code; NULL for units that did not exist in 2011';

--@copy ref.state (code, name, type, census2011_code) FROM data/states.csv

-- ------------------------------------------------------------ districts

CREATE TABLE ref.district (
	state_code int NOT NULL REFERENCES ref.state (code),
	district_code int NOT NULL CHECK (district_code > 0),
	name text NOT NULL CHECK (name <> ''),
	census2011_code text CHECK (census2011_code ~ '^[0-9]{3}$'),
	PRIMARY KEY (state_code, district_code),
	UNIQUE (district_code),
	UNIQUE (state_code, name)
);
COMMENT ON TABLE ref.district IS
	'Districts (LGD snapshot of 14 Dec 2022). Source: Local Government Directory, MoPR; see schema/data/SOURCES.md';
COMMENT ON COLUMN ref.district.state_code IS 'LGD code of the state the district belongs to';
COMMENT ON COLUMN ref.district.district_code IS 'LGD district code (unique nationally)';
COMMENT ON COLUMN ref.district.name IS 'District name as in LGD';
COMMENT ON COLUMN ref.district.census2011_code IS 'Three-digit Census 2011 district code; NULL for districts created after 2011';

--@copy ref.district (state_code, district_code, name, census2011_code) FROM data/districts.csv

-- ------------------------------------------------------------ police stations

CREATE TABLE ref.station (
	state_code int NOT NULL,
	district_code int NOT NULL,
	station_code int NOT NULL CHECK (station_code > 0),
	name text NOT NULL CHECK (name <> '' AND length(name) <= 200),
	active boolean NOT NULL DEFAULT true,
	created_at timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (state_code, district_code, station_code),
	FOREIGN KEY (state_code, district_code) REFERENCES ref.district (state_code, district_code)
);
COMMENT ON TABLE ref.station IS
	'Station register: police stations allowed to connect (certificate CN station:<state>:<district>:<station>). Maintained with cctns-admin station add';
COMMENT ON COLUMN ref.station.state_code IS 'LGD state code';
COMMENT ON COLUMN ref.station.district_code IS 'LGD district code; the district must belong to the state';
COMMENT ON COLUMN ref.station.station_code IS 'Station code, unique within its district';
COMMENT ON COLUMN ref.station.name IS 'Name of the police station, e.g. Police Station Hari Parvat';
COMMENT ON COLUMN ref.station.active IS 'false: the station may no longer connect or register FIRs (its FIRs stay)';
COMMENT ON COLUMN ref.station.created_at IS 'When the station was added to the register';

-- ------------------------------------------------------------ IPC and BNS sections

CREATE TABLE ref.section (
	act text NOT NULL CHECK (act IN ('ipc', 'bns')),
	section text NOT NULL CHECK (section ~ '^[0-9]+[A-Z]*$'),
	title text NOT NULL,
	chapter smallint,
	chapter_title text,
	sub_heading text,
	note text,
	PRIMARY KEY (act, section)
);
COMMENT ON TABLE ref.section IS
	'Sections of the Indian Penal Code, 1860 (act ipc) and the Bharatiya Nyaya Sanhita, 2023 (act bns); sub-sections such as 303(2) are charged against their base section 303';
COMMENT ON COLUMN ref.section.act IS 'ipc or bns';
COMMENT ON COLUMN ref.section.section IS 'Base section number as in the act, with its letter suffix: 302, 376AB, 498A';
COMMENT ON COLUMN ref.section.title IS 'Marginal heading of the section';
COMMENT ON COLUMN ref.section.chapter IS 'Chapter number of the act';
COMMENT ON COLUMN ref.section.chapter_title IS 'Chapter heading (BNS only; upper case as in the source)';
COMMENT ON COLUMN ref.section.sub_heading IS 'Sub-heading within the chapter when it differs from the chapter heading (BNS only)';
COMMENT ON COLUMN ref.section.note IS 'Remark from the source, e.g. repealed/omitted before 2023 (IPC only)';

CREATE TEMPORARY TABLE ipc_stage (section text, title text, chapter smallint, note text) ON COMMIT DROP;
--@copy pg_temp.ipc_stage (section, title, chapter, note) FROM data/ipc_sections.csv
INSERT INTO ref.section (act, section, title, chapter, note)
	SELECT 'ipc', section, title, chapter, nullif(note, '') FROM pg_temp.ipc_stage;

CREATE TEMPORARY TABLE bns_stage (section text, title text, chapter smallint, chapter_title text, sub_heading text) ON COMMIT DROP;
--@copy pg_temp.bns_stage (section, title, chapter, chapter_title, sub_heading) FROM data/bns_sections.csv
INSERT INTO ref.section (act, section, title, chapter, chapter_title, sub_heading)
	SELECT 'bns', section, title, chapter, nullif(chapter_title, ''), nullif(sub_heading, '')
	FROM pg_temp.bns_stage;

-- ------------------------------------------------------------ IPC -> BNS correspondence

CREATE TABLE ref.ipc_bns_map (
	id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	ipc_section text CHECK (ipc_section ~ '^[0-9]+[A-Z]*$'),
	bns_section text CHECK (bns_section ~ '^[0-9]+[A-Z]*(\([0-9a-z]+\))*$'),
	note text,
	ipc_act text GENERATED ALWAYS AS ('ipc') STORED,
	bns_act text GENERATED ALWAYS AS ('bns') STORED,
	bns_base text GENERATED ALWAYS AS (substring(bns_section FROM '^[0-9]+[A-Z]*')) STORED,
	CHECK (ipc_section IS NOT NULL OR bns_section IS NOT NULL),
	FOREIGN KEY (ipc_act, ipc_section) REFERENCES ref.section (act, section),
	FOREIGN KEY (bns_act, bns_base) REFERENCES ref.section (act, section)
);
CREATE INDEX ON ref.ipc_bns_map (ipc_section);
CREATE INDEX ON ref.ipc_bns_map (bns_base);
COMMENT ON TABLE ref.ipc_bns_map IS
	'Official IPC <-> BNS correspondence table, one row per pair; whether a pair applies to a case needs legal review';
COMMENT ON COLUMN ref.ipc_bns_map.id IS 'Row number (load order of the source table)';
COMMENT ON COLUMN ref.ipc_bns_map.ipc_section IS 'Base IPC section; NULL when the BNS provision is new';
COMMENT ON COLUMN ref.ipc_bns_map.bns_section IS 'BNS reference with sub-sections as in the table, e.g. 303(2); NULL when the IPC provision was not carried into BNS';
COMMENT ON COLUMN ref.ipc_bns_map.note IS 'Sub-clause of the IPC side, or why one side is empty';
COMMENT ON COLUMN ref.ipc_bns_map.ipc_act IS 'Always ipc (generated): foreign key helper to ref.section';
COMMENT ON COLUMN ref.ipc_bns_map.bns_act IS 'Always bns (generated): foreign key helper to ref.section';
COMMENT ON COLUMN ref.ipc_bns_map.bns_base IS 'Base BNS section of bns_section (generated): 303 for 303(2)';

CREATE TEMPORARY TABLE map_stage (ipc_section text, bns_section text, note text) ON COMMIT DROP;
--@copy pg_temp.map_stage (ipc_section, bns_section, note) FROM data/ipc_bns_map.csv
INSERT INTO ref.ipc_bns_map (ipc_section, bns_section, note)
	SELECT nullif(ipc_section, ''), nullif(bns_section, ''), nullif(note, '') FROM pg_temp.map_stage;

-- ------------------------------------------------------------ special and local laws

CREATE TABLE ref.special_law (
	code text PRIMARY KEY CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9/&.-]{0,19}$'),
	name text NOT NULL CHECK (name <> ''),
	year smallint CHECK (year BETWEEN 1800 AND 2100)
);
COMMENT ON TABLE ref.special_law IS
	'Special and local laws (SLL) a charge can name (FirContent charges[].law with act special_local). Seeded with a few central Acts; a state INSERTs its own local laws';
COMMENT ON COLUMN ref.special_law.code IS 'Short name used in Charge.law, case-sensitive: NDPS, POCSO, Arms, ...';
COMMENT ON COLUMN ref.special_law.name IS 'Short title of the Act';
COMMENT ON COLUMN ref.special_law.year IS 'Year of the Act';

INSERT INTO ref.special_law (code, name, year) VALUES
	('NDPS', 'Narcotic Drugs and Psychotropic Substances Act, 1985', 1985),
	('POCSO', 'Protection of Children from Sexual Offences Act, 2012', 2012),
	('Arms', 'Arms Act, 1959', 1959),
	('MV', 'Motor Vehicles Act, 1988', 1988),
	('IT', 'Information Technology Act, 2000', 2000),
	('SC/ST', 'Scheduled Castes and the Scheduled Tribes (Prevention of Atrocities) Act, 1989', 1989),
	('DP', 'Dowry Prohibition Act, 1961', 1961),
	('ITPA', 'Immoral Traffic (Prevention) Act, 1956', 1956),
	('JJ', 'Juvenile Justice (Care and Protection of Children) Act, 2015', 2015),
	('PC', 'Prevention of Corruption Act, 1988', 1988),
	('UAPA', 'Unlawful Activities (Prevention) Act, 1967', 1967),
	('ES', 'Explosive Substances Act, 1908', 1908),
	('PWDVA', 'Protection of Women from Domestic Violence Act, 2005', 2005),
	('PCMA', 'Prohibition of Child Marriage Act, 2006', 2006),
	('WLPA', 'Wild Life (Protection) Act, 1972', 1972),
	('Foreigners', 'Foreigners Act, 1946', 1946),
	('Passports', 'Passports Act, 1967', 1967),
	('PCR', 'Protection of Civil Rights Act, 1955', 1955);

-- ------------------------------------------------------------ NCRB crime heads

CREATE TABLE ref.crime_head (
	code text PRIMARY KEY CHECK (code ~ '^[a-z0-9_]+$'),
	name text NOT NULL,
	parent_code text REFERENCES ref.crime_head (code),
	level text NOT NULL CHECK (level IN ('total', 'major_head', 'sub_head')),
	ncrb_column text NOT NULL,
	CHECK ((level = 'total') = (parent_code IS NULL))
);
COMMENT ON TABLE ref.crime_head IS
	'NCRB classic (pre-2014) IPC crime heads, as in the district-wise IPC crime tables 2001-2012';
COMMENT ON COLUMN ref.crime_head.code IS 'snake_case slug of the head';
COMMENT ON COLUMN ref.crime_head.name IS 'Head in sentence case';
COMMENT ON COLUMN ref.crime_head.parent_code IS 'Head this one is part of; NULL for the total';
COMMENT ON COLUMN ref.crime_head.level IS 'total, major_head or sub_head';
COMMENT ON COLUMN ref.crime_head.ncrb_column IS 'Column heading in the NCRB table, spelled as NCRB did';

CREATE TEMPORARY TABLE head_stage (code text, name text, parent_code text, level text, ncrb_column text) ON COMMIT DROP;
--@copy pg_temp.head_stage (code, name, parent_code, level, ncrb_column) FROM data/crime_heads.csv
INSERT INTO ref.crime_head (code, name, parent_code, level, ncrb_column)
	SELECT code, name, nullif(parent_code, ''), level, ncrb_column FROM pg_temp.head_stage
	ORDER BY CASE level WHEN 'total' THEN 0 WHEN 'major_head' THEN 1 ELSE 2 END;

-- ------------------------------------------------------------ population and 2022 totals

CREATE TABLE ref.population (
	state_code int PRIMARY KEY REFERENCES ref.state (code),
	census2011_population bigint NOT NULL CHECK (census2011_population > 0),
	census2011_basis text NOT NULL,
	projected_2022_lakhs numeric(8, 1),
	projected_2022_source text
);
COMMENT ON TABLE ref.population IS
	'Population by current state: Census 2011 (summed over LGD districts) and NCRB 2022 mid-year projection';
COMMENT ON COLUMN ref.population.state_code IS 'LGD state code';
COMMENT ON COLUMN ref.population.census2011_population IS 'Census 2011 population within the current boundaries (district level)';
COMMENT ON COLUMN ref.population.census2011_basis IS 'census_state_total, or sum_of_census2011_districts:<2011 state> where boundaries changed';
COMMENT ON COLUMN ref.population.projected_2022_lakhs IS 'NCRB mid-year projected population 2022, in lakhs';
COMMENT ON COLUMN ref.population.projected_2022_source IS 'Where the projection comes from';

CREATE TEMPORARY TABLE pop_stage (state_code int, state_name text, census2011_population bigint,
	census2011_basis text, projected_2022_lakhs numeric, projected_2022_source text) ON COMMIT DROP;
--@copy pg_temp.pop_stage (state_code, state_name, census2011_population, census2011_basis, projected_2022_lakhs, projected_2022_source) FROM data/population.csv
INSERT INTO ref.population
	SELECT state_code, census2011_population, census2011_basis, projected_2022_lakhs,
		nullif(projected_2022_source, '')
	FROM pg_temp.pop_stage;

CREATE TABLE ref.state_crime_2022 (
	state_code int PRIMARY KEY REFERENCES ref.state (code),
	ncrb_state_name text NOT NULL,
	ipc_cases_2020 int NOT NULL,
	ipc_cases_2021 int NOT NULL,
	ipc_cases_2022 int NOT NULL,
	population_2022_lakhs numeric(8, 1),
	ipc_crime_rate_2022 numeric(8, 1),
	ipc_chargesheeting_rate_2022 numeric(5, 1)
);
COMMENT ON TABLE ref.state_crime_2022 IS
	'Total cognizable IPC crimes by state, 2020-2022: NCRB Crime in India 2022, Table 1A.1';
COMMENT ON COLUMN ref.state_crime_2022.state_code IS 'LGD state code';
COMMENT ON COLUMN ref.state_crime_2022.ncrb_state_name IS 'State name as NCRB spells it';
COMMENT ON COLUMN ref.state_crime_2022.ipc_cases_2020 IS 'Total cognizable IPC cases registered in 2020';
COMMENT ON COLUMN ref.state_crime_2022.ipc_cases_2021 IS 'Total cognizable IPC cases registered in 2021';
COMMENT ON COLUMN ref.state_crime_2022.ipc_cases_2022 IS 'Total cognizable IPC cases registered in 2022';
COMMENT ON COLUMN ref.state_crime_2022.population_2022_lakhs IS 'Mid-year projected population 2022, lakhs';
COMMENT ON COLUMN ref.state_crime_2022.ipc_crime_rate_2022 IS 'IPC cases per lakh population, 2022, as published';
COMMENT ON COLUMN ref.state_crime_2022.ipc_chargesheeting_rate_2022 IS 'IPC charge-sheeting rate 2022, percent';

CREATE TEMPORARY TABLE crime_stage (state_code int, state_name text, ncrb_state_name text,
	ipc_cases_2020 int, ipc_cases_2021 int, ipc_cases_2022 int, population_2022_lakhs numeric,
	ipc_crime_rate_2022 numeric, ipc_chargesheeting_rate_2022 numeric) ON COMMIT DROP;
--@copy pg_temp.crime_stage (state_code, state_name, ncrb_state_name, ipc_cases_2020, ipc_cases_2021, ipc_cases_2022, population_2022_lakhs, ipc_crime_rate_2022, ipc_chargesheeting_rate_2022) FROM data/state_crime_2022.csv
INSERT INTO ref.state_crime_2022
	SELECT state_code, ncrb_state_name, ipc_cases_2020, ipc_cases_2021, ipc_cases_2022,
		population_2022_lakhs, ipc_crime_rate_2022, ipc_chargesheeting_rate_2022
	FROM pg_temp.crime_stage;

-- ------------------------------------------------------------ access

GRANT SELECT ON ALL TABLES IN SCHEMA ref TO cctns_analyst;
-- Reference tables added by later migrations are readable by analysts too.
ALTER DEFAULT PRIVILEGES IN SCHEMA ref GRANT SELECT ON TABLES TO cctns_analyst;
