-- 0024_terminal_cert.sql: the register of station terminal certificates the
-- state CA issued (`cctns-admin terminal enrol`) and revoked (`cctns-admin
-- terminal revoke`), from which `cctns-admin crl` signs the CRL the server
-- loads ([tls] crl). Only cctns_owner (cctns-admin) touches it; the server
-- never reads it: revocation reaches the server as the signed CRL file.
-- A revocation is final: the row keeps who it was issued to, and its
-- revocation time and reason can be set once and never changed or removed.

CREATE TABLE core.terminal_cert (
	ca_key_id text NOT NULL CHECK (ca_key_id ~ '^[0-9a-f]{64}$'),
	serial text NOT NULL CHECK (serial ~ '^[1-9A-F][0-9A-F]{0,39}$'),
	state_code int NOT NULL,
	district_code int NOT NULL,
	station_code int NOT NULL,
	terminal text NOT NULL CHECK (terminal ~ '^[A-Za-z0-9 ._-]{1,64}$'),
	not_before timestamptz NOT NULL,
	not_after timestamptz NOT NULL CHECK (not_after > not_before),
	source text NOT NULL DEFAULT 'enrolled' CHECK (source IN ('enrolled', 'imported')),
	recorded_at timestamptz NOT NULL DEFAULT now(),
	revoked_at timestamptz,
	reason text CHECK (reason IN ('unspecified', 'key-compromise', 'affiliation-changed',
		'superseded', 'cessation-of-operation', 'privilege-withdrawn')),
	PRIMARY KEY (ca_key_id, serial),
	CHECK ((revoked_at IS NULL) = (reason IS NULL)),
	FOREIGN KEY (state_code, district_code, station_code)
		REFERENCES ref.station (state_code, district_code, station_code)
);
CREATE INDEX terminal_cert_station ON core.terminal_cert (state_code, district_code, station_code, terminal);
CREATE INDEX terminal_cert_revoked ON core.terminal_cert (ca_key_id) WHERE revoked_at IS NOT NULL;

COMMENT ON TABLE core.terminal_cert IS
	'Station terminal certificates issued by the state CA, and their revocations (the source of the CRL). Maintained by cctns-admin terminal enrol|revoke; read by cctns-admin crl and terminal list';
COMMENT ON COLUMN core.terminal_cert.ca_key_id IS
	'SHA-256 (hex) of the issuing CA''s public key: serials are unique per CA, and a CRL lists one CA''s serials';
COMMENT ON COLUMN core.terminal_cert.serial IS
	'Certificate serial number, upper-case hex without leading zeros';
COMMENT ON COLUMN core.terminal_cert.state_code IS 'LGD state code of the station (certificate CN)';
COMMENT ON COLUMN core.terminal_cert.district_code IS 'LGD district code of the station (certificate CN)';
COMMENT ON COLUMN core.terminal_cert.station_code IS 'Station code within the district (certificate CN)';
COMMENT ON COLUMN core.terminal_cert.terminal IS 'Terminal name (certificate OU), e.g. desk-1';
COMMENT ON COLUMN core.terminal_cert.not_before IS 'Start of the certificate''s validity';
COMMENT ON COLUMN core.terminal_cert.not_after IS 'End of the certificate''s validity; revoked serials leave the CRL after it';
COMMENT ON COLUMN core.terminal_cert.source IS
	'enrolled: issued by cctns-admin terminal enrol; imported: issued otherwise (deploy/pki) and recorded when revoked with --cert';
COMMENT ON COLUMN core.terminal_cert.recorded_at IS 'When the row was written';
COMMENT ON COLUMN core.terminal_cert.revoked_at IS 'When the certificate was revoked (the CRL''s revocationDate); NULL: not revoked';
COMMENT ON COLUMN core.terminal_cert.reason IS 'RFC 5280 CRLReason of the revocation, as cctns-admin names it; NULL: not revoked';

CREATE SEQUENCE core.crl_number;
COMMENT ON SEQUENCE core.crl_number IS
	'The cRLNumber of the next CRL cctns-admin signs (RFC 5280 5.2.3: monotonically increasing)';

-- Identity columns never change; a revocation is set once; rows are never
-- deleted (the CRL must keep listing a revoked serial until it expires).
CREATE FUNCTION core.terminal_cert_guard() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	IF TG_OP = 'DELETE' THEN
		RAISE EXCEPTION 'terminal certificates are never deleted (serial %)', OLD.serial
			USING ERRCODE = 'CT409';
	END IF;
	IF (NEW.ca_key_id, NEW.serial, NEW.state_code, NEW.district_code, NEW.station_code,
	    NEW.terminal, NEW.not_before, NEW.not_after, NEW.source, NEW.recorded_at)
	   IS DISTINCT FROM
	   (OLD.ca_key_id, OLD.serial, OLD.state_code, OLD.district_code, OLD.station_code,
	    OLD.terminal, OLD.not_before, OLD.not_after, OLD.source, OLD.recorded_at) THEN
		RAISE EXCEPTION 'a terminal certificate''s identity and validity never change (serial %)', OLD.serial
			USING ERRCODE = 'CT409';
	END IF;
	IF OLD.revoked_at IS NOT NULL AND (NEW.revoked_at, NEW.reason) IS DISTINCT FROM (OLD.revoked_at, OLD.reason) THEN
		RAISE EXCEPTION 'certificate % was revoked on %: a revocation is final', OLD.serial, OLD.revoked_at
			USING ERRCODE = 'CT409';
	END IF;
	RETURN NEW;
END
$fn$;
COMMENT ON FUNCTION core.terminal_cert_guard() IS
	'Trigger: terminal certificate rows are never deleted, their identity never changes, a revocation is final';

CREATE TRIGGER terminal_cert_guard BEFORE UPDATE OR DELETE ON core.terminal_cert
	FOR EACH ROW EXECUTE FUNCTION core.terminal_cert_guard();
