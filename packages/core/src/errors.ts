import { isMessage, type Message, msg, zh } from "@relief/domain";

/**
 * Transport-neutral errors thrown by domain actions. An error carries a message key and its parameters
 * (`msg("stock.error.insufficient", {…})`), never finished text: the web renders it in the user's language,
 * logs and spreadsheets in Chinese. `issues` name the row, column or field that is wrong so the UI can show
 * each one in place.
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
  message: Message;
}

export class DomainError extends Error {
  /** The message as a key and parameters; `message` holds its Chinese text for logs. */
  readonly text: Message;

  constructor(
    readonly code: DomainErrorCode,
    text: Message,
    readonly issues: ErrorIssue[] = [],
  ) {
    super(zh(text));
    this.text = text;
    this.name = new.target.name;
  }
}

export class ValidationError extends DomainError {
  constructor(text: Message, issues: ErrorIssue[] = []) {
    super("VALIDATION", text, issues);
  }
}

export class NotFoundError extends DomainError {
  constructor(text: Message) {
    super("NOT_FOUND", text);
  }
}

export class ConflictError extends DomainError {
  constructor(text: Message, issues: ErrorIssue[] = []) {
    super("CONFLICT", text, issues);
  }
}

export class UnauthorizedError extends DomainError {
  constructor(text: Message = msg("common.error.unauthorized")) {
    super("UNAUTHORIZED", text);
  }
}

export class ForbiddenError extends DomainError {
  constructor(text: Message = msg("common.error.forbidden"), issues: ErrorIssue[] = []) {
    super("FORBIDDEN", text, issues);
  }
}

export class TooManyRequestsError extends DomainError {
  constructor(
    text: Message,
    readonly retryAfterSeconds: number,
  ) {
    super("TOO_MANY_REQUESTS", text);
  }
}

export { isMessage };
