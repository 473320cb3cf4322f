-- 0007_server_statement_timeout.sql: a deadline on every statement the server runs.
--
-- Without it a stuck statement (a row lock held by a forgotten psql session, a hung disk) keeps
-- a registration waiting until the server drains, and the terminal waits with it. With it the
-- statement is cancelled and rolled back after 10 s; the server answers UNAVAILABLE ("nothing
-- was stored; a retry with the same request is safe") and the terminal's own request timeout
-- (30 s by default) is never the first to fire. api.* calls take a millisecond or two, so 10 s
-- only ever ends a statement that is stuck. Takes effect for new server connections.
ALTER ROLE cctns_server SET statement_timeout = '10s';
