import { randomBytes } from "node:crypto";
import { DomainError, type DomainErrorCode, type ErrorIssue } from "@relief/core";
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

export interface ErrorDetails {
  /** The domain's own code (`VALIDATION`, `CONFLICT`, …), or `INPUT` for a request that failed the input schema. */
  code: DomainErrorCode | "INPUT";
  issues: ErrorIssue[];
}

interface SchemaIssue {
  path?: ReadonlyArray<PropertyKey | { key: PropertyKey }>;
  message: string;
}

function hasSchemaIssues(cause: unknown): cause is { issues: SchemaIssue[] } {
  return !!cause && typeof cause === "object" && Array.isArray((cause as { issues?: unknown }).issues);
}

/** What the client receives under `error.data.details`, so each message can be shown beside its field or row. */
export function errorDetails(cause: unknown): ErrorDetails | null {
  if (cause instanceof DomainError) return { code: cause.code, issues: cause.issues };
  if (hasSchemaIssues(cause)) {
    return {
      code: "INPUT",
      issues: cause.issues.map((issue) => ({
        field: (issue.path ?? []).map((p) => String(typeof p === "object" ? p.key : p)).join("."),
        message: issue.message,
      })),
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
const GENERIC_MESSAGES: Partial<Record<TRPC_ERROR_CODE_KEY, string>> = {
  PARSE_ERROR: "请求格式错误",
  BAD_REQUEST: "请求格式错误",
  NOT_FOUND: "请求的接口不存在",
  METHOD_NOT_SUPPORTED: "请求方法不受支持",
  PAYLOAD_TOO_LARGE: "请求内容过大",
  UNSUPPORTED_MEDIA_TYPE: "请求格式错误：只接受 application/json",
  TIMEOUT: "请求超时，请稍后重试",
  CLIENT_CLOSED_REQUEST: "请求已取消",
};

/**
 * The message a client sees. Domain errors and input-schema failures say what was wrong; anything else
 * never shows its own text (a SQLite message, a stack overflow): a generic sentence, and for an
 * unexpected error the correlation id to quote to an administrator.
 */
export function clientMessage(error: TRPCError, details: ErrorDetails | null): string {
  if (details?.code === "INPUT")
    return `输入有误：${details.issues.map((i) => (i.field ? `${i.field}：${i.message}` : i.message)).join("；")}`;
  if (details) return error.message;
  if (error.code === "INTERNAL_SERVER_ERROR")
    return `服务器内部错误，请稍后重试；如仍失败，请将编号 ${incidentId(error)} 告知系统管理员`;
  return GENERIC_MESSAGES[error.code] ?? "请求失败";
}
