/**
 * Errors that say the database is out of reach — restarted, stopped, failed over, frozen, or the
 * network between us cut — rather than that a statement was wrong. The request that meets one
 * answers 503 with Retry-After: the same request can succeed once the database is back, and the
 * pool reconnects on its own.
 */

/** SQLSTATEs of a lost or refused connection, and of timeouts that bound a stuck database. */
const SQLSTATES = new Set([
  '08000', // connection_exception
  '08001', // sqlclient_unable_to_establish_sqlconnection
  '08003', // connection_does_not_exist
  '08004', // sqlserver_rejected_establishment_of_sqlconnection
  '08006', // connection_failure
  '53300', // too_many_connections
  '57014', // query_canceled: statement_timeout
  '57P01', // admin_shutdown: a restart, pg_terminate_backend
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: the server is starting or shutting down
  '25P03', // idle_in_transaction_session_timeout
]);

/** Socket errors of a server that went away or cannot be reached. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/** node-postgres says these in words only. */
const MESSAGES =
  /Connection terminated|not queryable|timeout exceeded when trying to connect|Query read timeout|Connection terminated due to connection timeout|database connection lost/;

/** Retry-After, in seconds, for a request that met an unreachable database. */
export const UNAVAILABLE_RETRY_SECONDS = 5;

/** Whether `error` means the database is out of reach (see the module comment). */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (SQLSTATES.has(code) || SOCKET_CODES.has(code))) return true;
  if (error instanceof AggregateError && error.errors.some(isDatabaseUnavailable)) return true;
  // The error's own words only, not its cause's: an outgoing call's `fetch failed` carries a
  // socket error as its cause, and that is not the database.
  return MESSAGES.test(error.message);
}
