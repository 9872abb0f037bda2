import { randomBytes } from "node:crypto";
import { DomainError, type DomainErrorCode } from "@relief/core";
import { type Message, type MessageKey, msg, readSchemaMessage, zh } from "@relief/domain";
import { type TRPC_ERROR_CODE_KEY, TRPCError } from "@trpc/server";

const CODES: Record<DomainErrorCode, TRPC_ERROR_CODE_KEY> = {
  VALIDATION: "BAD_REQUEST",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
};

/** The one place where domain errors become transport errors. */
export function toTRPCError(error: DomainError): TRPCError {
  return new TRPCError({ code: CODES[error.code], message: error.message, cause: error });
}

/**
 * One problem as the client receives it: where (field, or spreadsheet row and column), the message as a key
 * and parameters (`text`) for the client to render in its user's language, and its Chinese rendering.
 */
export interface IssueDetails {
  row?: number;
  column?: string;
  field?: string;
  text: Message;
  message: string;
}

export interface ErrorDetails {
  /** The domain's own code (`VALIDATION`, `CONFLICT`, …), or `INPUT` for a request that failed the input schema. */
  code: DomainErrorCode | "INPUT";
  issues: IssueDetails[];
}

interface SchemaIssue {
  path?: ReadonlyArray<PropertyKey | { key: PropertyKey }>;
  message: string;
}

function hasSchemaIssues(cause: unknown): cause is { issues: SchemaIssue[] } {
  return !!cause && typeof cause === "object" && Array.isArray((cause as { issues?: unknown }).issues);
}

/** A schema's message: a key it carries (`m(…)` in the schemas), or "invalid value" for zod's own English. */
function schemaMessage(text: string): Message {
  return readSchemaMessage(text) ?? msg("common.error.invalidValue");
}

/** What the client receives under `error.data.details`, so each message can be shown beside its field or row. */
export function errorDetails(cause: unknown): ErrorDetails | null {
  if (cause instanceof DomainError)
    return {
      code: cause.code,
      issues: cause.issues.map(({ message, ...place }) => ({
        ...place,
        text: message,
        message: zh(message),
      })),
    };
  if (hasSchemaIssues(cause)) {
    return {
      code: "INPUT",
      issues: cause.issues.map((issue) => {
        const text = schemaMessage(issue.message);
        return {
          field: (issue.path ?? []).map((p) => String(typeof p === "object" ? p.key : p)).join("."),
          text,
          message: zh(text),
        };
      }),
    };
  }
  return null;
}

const incidents = new WeakMap<object, string>();

/**
 * The correlation id of an unexpected error: the client is told only this id, the server log has it with
 * the stack. The same error object always gets the same id, whichever of the logger and the formatter asks first.
 */
export function incidentId(error: unknown): string {
  const key = typeof error === "object" && error !== null ? error : undefined;
  let id = key && incidents.get(key);
  if (!id) {
    id = randomBytes(5).toString("hex");
    if (key) incidents.set(key, id);
  }
  return id;
}

/** What a client is told for errors that are neither domain errors nor input-schema failures. */
const GENERIC_MESSAGES: Partial<Record<TRPC_ERROR_CODE_KEY, MessageKey>> = {
  PARSE_ERROR: "common.error.badRequest",
  BAD_REQUEST: "common.error.badRequest",
  NOT_FOUND: "common.error.noSuchProcedure",
  METHOD_NOT_SUPPORTED: "common.error.methodNotSupported",
  PAYLOAD_TOO_LARGE: "common.error.payloadTooLarge",
  UNSUPPORTED_MEDIA_TYPE: "common.error.jsonOnly",
  TIMEOUT: "common.error.timeout",
  CLIENT_CLOSED_REQUEST: "common.error.cancelled",
};

/**
 * The message a client sees, as a key and parameters (`data.text`; the error's `message` is its Chinese text).
 * Domain errors and input-schema failures say what was wrong; anything else never shows its own text (a SQLite
 * message, a stack overflow): a generic sentence, and for an unexpected error the correlation id to quote to
 * an administrator.
 */
export function clientText(error: TRPCError, details: ErrorDetails | null): Message {
  if (details?.code === "INPUT")
    return msg("common.error.inputIssues", {
      issues: details.issues.map((i) =>
        i.field ? msg("common.error.fieldIssue", { field: i.field, message: i.text }) : i.text,
      ),
    });
  if (error.cause instanceof DomainError) return error.cause.text;
  if (error.code === "INTERNAL_SERVER_ERROR")
    return msg("common.error.internal", { incident: incidentId(error) });
  return { key: GENERIC_MESSAGES[error.code] ?? "common.error.failed" };
}
