/** Typed domain errors: each code maps to an HTTP status and a message a user can read. */
export type ErrorCode = "unauthenticated" | "forbidden" | "not_found" | "invalid" | "conflict" | "throttled";

const STATUS: Record<ErrorCode, number> = { unauthenticated: 401, forbidden: 403, not_found: 404, invalid: 400, conflict: 409, throttled: 429 };

const DEFAULT_MESSAGE: Record<ErrorCode, string> = {
  unauthenticated: "请先登录",
  forbidden: "您没有权限进行此操作",
  not_found: "未找到该记录，或您无权查看",
  invalid: "提交的内容有误，请检查后重试",
  conflict: "内容已被他人修改，请刷新后重试",
  throttled: "尝试次数过多，请稍后再试",
};

export class DomainError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message?: string) {
    super(message ?? DEFAULT_MESSAGE[code]);
    this.code = code;
    this.name = "DomainError";
  }
  get status(): number {
    return STATUS[this.code];
  }
}

/** A save based on an old version: carries what is current now, so the user sees the newer text. */
export class ConflictError<T = unknown> extends DomainError {
  readonly current: T;
  constructor(message: string, current: T) {
    super("conflict", message);
    this.current = current;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

/** Refuse with 404 rather than 403 for other people's records: guessing ids reveals nothing. */
export const notFound = (message?: string) => new DomainError("not_found", message);
export const forbidden = (message?: string) => new DomainError("forbidden", message);

/** The row that was looked up, or a not-found error (with this message) when there is none. */
export function foundOr<T>(row: T | null | undefined, message?: string): T {
  if (row === null || row === undefined) throw notFound(message);
  return row;
}
