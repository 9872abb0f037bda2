import type { AppRouter, ErrorDetails } from "@relief/api";
import { TRPCClientError } from "@trpc/client";
import type { FormInstance } from "antd";
import type { RenderMessage } from "../i18n";

export type ApiError = TRPCClientError<AppRouter>;

/**
 * One problem reported by the server: beside a form field (`field`), or at a spreadsheet row and column;
 * `message` is rendered in the user's language.
 */
export interface ErrorIssue {
  row?: number;
  column?: string;
  field?: string;
  message: string;
}

/** The domain's code (`VALIDATION`, `CONFLICT`, …), or `INPUT` for a request that failed the input schema. */
export type ErrorCode = ErrorDetails["code"];

export interface ErrorInfo {
  /** The server's message in the user's language, or the given fallback when none came back. */
  message: string;
  /** The domain's code from `data.details`; null when the server sent none. */
  code: ErrorCode | null;
  issues: ErrorIssue[];
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof TRPCClientError;
}

/**
 * Reads a failed call. Errors that never reached the procedure (network down, a proxy's error page) carry
 * no `data`; their raw text is technical English, so the caller's fallback is shown instead.
 */
export function errorInfo(error: unknown, fallback: string, render: RenderMessage): ErrorInfo {
  if (!isApiError(error) || !error.data) return { message: fallback, code: null, issues: [] };
  const { details, text } = error.data;
  return {
    message: text ? render(text) : error.message || fallback,
    code: details?.code ?? null,
    issues: (details?.issues ?? []).map(({ text: issueText, ...place }) => ({
      ...place,
      message: render(issueText),
    })),
  };
}

export function isUnauthorized(error: unknown): boolean {
  return isApiError(error) && (error.data?.code === "UNAUTHORIZED" || error.data?.httpStatus === 401);
}

/** Client errors (bad input, no permission, conflict) will not go away by asking again. */
export function isRetryable(error: unknown): boolean {
  if (!isApiError(error)) return true;
  const status = error.data?.httpStatus;
  return status === undefined || status >= 500;
}

export function rowIssues(info: ErrorInfo): ErrorIssue[] {
  return info.issues.filter((issue) => issue.row !== undefined || issue.column !== undefined || !issue.field);
}

/** Which server field paths a form shows beside its fields: a list, or a test for dynamic lists (`lines.3.quantity`). */
export type FieldMatcher = ReadonlyArray<string> | ((field: string) => boolean);

/** `lines.0.quantity` → `["lines", 0, "quantity"]`, the name path of the Form.Item inside a Form.List. */
export function fieldNamePath(field: string): Array<string | number> {
  return field.split(".").map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Where a form shows a server field whose path differs from the form's own: a one-line dialog shows
 * `lines.0.quantity` beside its `quantity` field.
 */
export type FieldPlacement = (field: string) => string;

/**
 * Puts each field issue beside its Form.Item. Returns the issues that name no field of this form, for the
 * caller to show above the form.
 */
export function applyFieldErrors<Values>(
  form: FormInstance<Values>,
  info: ErrorInfo,
  fields: FieldMatcher,
  placement: FieldPlacement = (field) => field,
): ErrorIssue[] {
  const known = typeof fields === "function" ? fields : (field: string) => fields.includes(field);
  const placed = new Map<string, string[]>();
  const rest: ErrorIssue[] = [];
  for (const issue of info.issues) {
    if (issue.field && known(issue.field)) {
      const name = placement(issue.field);
      placed.set(name, [...(placed.get(name) ?? []), issue.message]);
    } else rest.push(issue);
  }
  form.setFields([...placed].map(([name, errors]) => ({ name: fieldNamePath(name) as never, errors })));
  return rest;
}
