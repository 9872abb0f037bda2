/**
 * Transport-neutral errors thrown by domain actions. Messages are written for the person at the screen
 * (Chinese first); `issues` name the row, column or field that is wrong so the UI can show each one in place.
 */
export type DomainErrorCode =
  | "VALIDATION"
  | "NOT_FOUND"
  | "CONFLICT"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "TOO_MANY_REQUESTS";

export interface ErrorIssue {
  /** Spreadsheet row number as the user sees it (header = row 1). */
  row?: number;
  /** Spreadsheet column header, as written in the template. */
  column?: string;
  /** Form field name. */
  field?: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly issues: ErrorIssue[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends DomainError {
  constructor(message: string, issues: ErrorIssue[] = []) {
    super("VALIDATION", message, issues);
  }
}

export class NotFoundError extends DomainError {
  constructor(message: string) {
    super("NOT_FOUND", message);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, issues: ErrorIssue[] = []) {
    super("CONFLICT", message, issues);
  }
}

export class UnauthorizedError extends DomainError {
  constructor(message = "请先登录") {
    super("UNAUTHORIZED", message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = "当前角色无权执行此操作", issues: ErrorIssue[] = []) {
    super("FORBIDDEN", message, issues);
  }
}

export class TooManyRequestsError extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super("TOO_MANY_REQUESTS", message);
  }
}
