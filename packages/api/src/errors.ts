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
