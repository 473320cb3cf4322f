-- reg58_checks.sql: checks of migrations 0058 (a registration's audit record written in its own
-- transaction, hashed in SQL) and 0059 (audit batches as arrays) against a real, migrated
-- database. Run by run_api_checks.sh; any failed check raises an exception. Chains made here
-- are of host 'reg58-checks' (audit.log is append-only, so their rows stay).

\set ON_ERROR_STOP 1
\c - cctns_owner
\ir helpers.sql
SET client_min_messages = warning;

-- The SQL encoding is the C one (server/audit_chain.c): tests/unit/test_audit_chain.c pins the
-- hash of this record (chain 01..10, seq 1, its time, 9:118:1001, desk-1, no officer,
-- register_fir, 0042/2026, ok, 32 zero bytes before it).
SELECT pg_temp.check(encode(sha256(audit.log_encode('01020304-0506-0708-090a-0b0c0d0e0f10', 1,
	1796000000123456, 9, 118, 1001, 'desk-1', NULL, 'register_fir', '0042/2026', 'ok',
	decode(repeat('00', 32), 'hex'))), 'hex')
	= '1335b430ed5cb18c7651ef08928c5b67e03cf3820a96c96d9b8dcd1f4cf8ad2d',
	'0058: audit.log_encode hashes to the hash the C encoding is pinned to');
SELECT pg_temp.check(audit.log_encode('01020304-0506-0708-090a-0b0c0d0e0f10', 1, 5, 0, 118, 1001, '',
	NULL, 'a', 'r', 'ok', '\x00') = audit.log_encode('01020304-0506-0708-090a-0b0c0d0e0f10', 1, 5,
	NULL, 118, 1001, NULL, '', 'a', 'r', 'ok', '\x00'),
	'0058: a code 0 is NULL and an empty string is NULL, as in C');
SELECT pg_temp.check(audit.log_encode('01020304-0506-0708-090a-0b0c0d0e0f10', 1, 5, 9, 118, 1001,
	'ab', 'c', 'a', 'r', 'ok', '\x00') <> audit.log_encode('01020304-0506-0708-090a-0b0c0d0e0f10', 1, 5,
	9, 118, 1001, 'a', 'bc', 'a', 'r', 'ok', '\x00'), '0058: fields do not bleed into each other');

-- What the server's audit_clean keeps (characters here, bytes in C: the server sends only
-- cleaned ASCII, this is the second line of defence).
SELECT pg_temp.check(audit.log_clean(E'a''b"c\\d\ne', 63) = 'a?b?c?d?e', '0058: log_clean replaces quotes, backslash, newline');
SELECT pg_temp.check(audit.log_clean('0042/2026', 63) = '0042/2026', '0058: log_clean keeps an FIR number');
SELECT pg_temp.check(audit.log_clean('0123456789abcdefXYZ', 15) = '0123456789abcde', '0058: log_clean cuts to n');
SELECT pg_temp.check(audit.log_clean('', 15) IS NULL AND audit.log_clean(NULL, 15) IS NULL, '0058: log_clean: empty is NULL');

-- api.audit_in_tx: a chain per database session, continued by each call, the answer unchanged.
SELECT pg_temp.check(api.audit_in_tx('{"fir_number": "0001/2026"}', '0001/2026', 'reg58-checks', 58, 9, 118,
	1001, 'desk-1', 'A1', 'register_fir', 'ok') = '{"fir_number": "0001/2026"}',
	'0058: audit_in_tx returns the answer unchanged');
SELECT set_config('reg58.chain', current_setting('cctns.audit_tx_chain'), false);
SELECT pg_temp.check((SELECT host = 'reg58-checks' AND pid = 58 AND last_seq = 1 AND closed_at IS NULL
	FROM audit.chain WHERE chain_id = current_setting('reg58.chain')::uuid),
	'0058: the first call starts the session''s chain with the host and pid given');
SELECT api.audit_in_tx('{}', '0002/2026', 'reg58-checks', 58, 9, 118, 1001, 'desk-1', NULL, 'register_fir', 'ok');
-- A call in a transaction that rolls back leaves neither its record nor a moved head.
BEGIN;
SELECT api.audit_in_tx('{}', '0003/2026', 'reg58-checks', 58, 9, 118, 1001, 'desk-1', NULL, 'register_fir', 'ok');
ROLLBACK;
SELECT api.audit_in_tx('{}', '0004/2026', 'reg58-checks', 58, 9, 118, 1001, E'desk\n1', NULL, 'register_fir', 'ok');
SELECT pg_temp.check((SELECT string_agg(seq || ':' || record || ':' || coalesce(officer_no, '-') || ':' || terminal,
	' ' ORDER BY seq) FROM audit.log WHERE chain_id = current_setting('reg58.chain')::uuid)
	= '1:0001/2026:A1:desk-1 2:0002/2026:-:desk-1 3:0004/2026:-:desk?1',
	'0058: the session''s records are numbered in order, the rolled back one is not there, text is cleaned');
SELECT pg_temp.check((SELECT bool_and(l.hash = sha256(audit.log_encode(l.chain_id, l.seq,
		(extract(epoch FROM l.at) * 1000000)::bigint, l.state_code, l.district_code, l.station_code,
		l.terminal, l.officer_no, l.action, l.record, l.outcome, l.prev_hash))
	AND l.prev_hash = coalesce(p.hash, decode(repeat('00', 32), 'hex')))
	FROM audit.log l LEFT JOIN audit.log p ON p.chain_id = l.chain_id AND p.seq = l.seq - 1
	WHERE l.chain_id = current_setting('reg58.chain')::uuid),
	'0058: each record hashes its columns and links to the one before');
SELECT pg_temp.check((SELECT last_seq = 3 AND last_hash = (SELECT hash FROM audit.log
	WHERE chain_id = c.chain_id AND seq = 3) FROM audit.chain c
	WHERE chain_id = current_setting('reg58.chain')::uuid), '0058: the chain''s head is its last record');
-- A closed chain is not continued: the next call starts a new one.
SELECT api.audit_close(current_setting('reg58.chain')::uuid);
SELECT api.audit_in_tx('{}', '0005/2026', 'reg58-checks', 58, 9, 118, 1001, 'desk-1', NULL, 'register_fir', 'ok');
SELECT pg_temp.check(current_setting('cctns.audit_tx_chain') <> current_setting('reg58.chain')
	AND (SELECT last_seq FROM audit.chain WHERE chain_id = current_setting('cctns.audit_tx_chain')::uuid) = 1,
	'0058: after its chain is closed the session starts a new one');
-- Required fields.
SELECT pg_temp.expect_error($$SELECT api.audit_in_tx('{}', NULL, 'reg58-checks', 58, 9, 118, 1001,
	'desk-1', NULL, '', 'ok')$$, 'CT400', 'action');

-- api.audit_close closes the chains the same process started since its own chain began.
SELECT set_config('reg58.proc', gen_random_uuid()::text, false);
INSERT INTO audit.chain (chain_id, started_at, host, pid)
	VALUES (current_setting('reg58.proc')::uuid, now() - interval '1 hour', 'reg58-checks', 58);
SELECT api.audit_close(current_setting('reg58.proc')::uuid);
SELECT pg_temp.check((SELECT count(*) FROM audit.chain WHERE host = 'reg58-checks' AND closed_at IS NULL) = 0,
	'0058: audit_close closes the process''s chain and those its sessions started');

-- 0059: api.audit_append_arrays refuses arrays of different lengths (CT400), and the JSON form
-- is the same batch taken apart (reg52_checks.sql runs the chain's rules through it).
SELECT pg_temp.expect_error($$SELECT api.audit_append_arrays(gen_random_uuid(), 'reg58-checks', 58, 1,
	1, '{1,2}', '{9,9}', '{1,1}', '{1,1}', '{a,b}', '{o,o}', '{x,x}', '{r,r}', '{ok,ok}',
	ARRAY[decode(repeat('00', 32), 'hex')], ARRAY[decode(repeat('11', 32), 'hex'), decode(repeat('22', 32), 'hex')])$$,
	'CT400', 'recs');
