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

/**
 * The process's last word on an uncaught exception: postgres.js's closed-socket write is survived
 * (`onClosedSocketWrite` replaces the pool it poisoned); anything else is logged and ends the
 * process, as Node would.
 */
export function guardUncaughtExceptions(onClosedSocketWrite: () => void): void {
  process.on("uncaughtException", (error) => {
    if (isClosedSocketWrite(error)) {
      console.warn("[db] 数据库连接已中断（postgres.js 在已关闭的连接上写入），已丢弃连接池，下一次查询将重新连接");
      onClosedSocketWrite();
      return;
    }
    console.error("[server] uncaughtException", error);
    process.exit(1);
  });
}
