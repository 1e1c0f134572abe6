/**
 * postgres.js 3.4.9 can throw from a timer after a connection closed: a write buffered behind
 * `setImmediate` runs once `closed()` has set the socket to null, as in a transaction's `rollback`
 * after the server went away (`TypeError: Cannot read properties of null (reading 'write')` at
 * `nextWrite`; porsager/postgres#1154, #1208, unfixed upstream). Nothing can catch it where it is
 * thrown, and the connection it leaves behind never flushes again. The server recognises exactly
 * this error, keeps running, and opens a fresh pool (db/index.ts `discardConnections`).
 */
export function isClosedSocketWrite(error: unknown): boolean {
  if (!(error instanceof TypeError)) return false;
  const stack = error.stack ?? "";
  return /reading 'write'|evaluating 'socket\.write'/.test(error.message) && /nextWrite/.test(stack) && /[\\/]postgres[\\/]/.test(stack);
}
