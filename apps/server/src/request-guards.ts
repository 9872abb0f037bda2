import { type Message, msg, zh } from "@relief/domain";
import express, { type Request, type RequestHandler, type Response } from "express";

/** Deeper than any input the API takes; deeper bodies are refused before anything recurses over them. */
export const MAX_JSON_DEPTH = 32;
/** Procedures in one batched request; the web client's batch link uses the same number. */
export const MAX_BATCH_SIZE = 10;
/** Procedures that never travel in a batch, so each attempt is one request the throttle can count. */
const UNBATCHABLE = new Set(["auth.login"]);

/**
 * A refusal at the HTTP layer, answered in the shape a tRPC client reads (`error.message` in Chinese,
 * `error.data.code`, and `error.data.text` as a message key for the client's language).
 */
export class RequestRefused extends Error {
  constructor(
    readonly status: 400 | 403 | 415,
    readonly text: Message,
  ) {
    super(zh(text));
  }
}

const TRPC_CODES = { 400: "BAD_REQUEST", 403: "FORBIDDEN", 415: "UNSUPPORTED_MEDIA_TYPE" } as const;
const JSON_RPC_CODES = { 400: -32600, 403: -32003, 415: -32600 } as const;

export function sendRefusal(res: Response, refusal: RequestRefused): void {
  res
    .status(refusal.status)
    .set("Cache-Control", "no-store")
    .json({
      error: {
        message: refusal.message,
        code: JSON_RPC_CODES[refusal.status],
        data: { code: TRPC_CODES[refusal.status], httpStatus: refusal.status, text: refusal.text },
      },
    });
}

/**
 * Nesting depth of a JSON text, counted over the raw characters in one pass (strings skipped), so a
 * 50,000-deep body is refused without building it.
 */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return deepest;
}

/** `1e999` parses to Infinity, which JSON cannot carry back and which a schema may silently turn into null. */
function refuseNonFinite(_key: string, value: unknown): unknown {
  if (typeof value === "number" && !Number.isFinite(value))
    throw new RequestRefused(400, msg("common.error.nonFiniteNumber"));
  return value;
}

/** Parses request JSON with the limits every procedure relies on: bounded depth, finite numbers only. */
export function parseStrictJson(text: string): unknown {
  if (jsonDepth(text) > MAX_JSON_DEPTH)
    throw new RequestRefused(400, msg("common.error.tooDeep", { max: String(MAX_JSON_DEPTH) }));
  try {
    return JSON.parse(text, refuseNonFinite);
  } catch (error) {
    if (error instanceof RequestRefused) throw error;
    throw new RequestRefused(400, msg("common.error.invalidJson"));
  }
}

/**
 * A request from another site: the browser says so, or its `Origin` names another host than the one the
 * request was sent to (behind a reverse proxy, the forwarded host when `RELIEF_TRUST_PROXY` trusts it).
 * The scheme is not compared: a proxy that ends TLS would otherwise make every same-site mutation foreign.
 */
function isCrossSite(req: Request): boolean {
  if (req.get("sec-fetch-site") === "cross-site") return true;
  const origin = req.get("origin");
  if (!origin) return false;
  try {
    return new URL(origin).host !== req.host;
  } catch {
    return true;
  }
}

function procedures(req: Request): string[] {
  // tRPC puts the procedure (or a comma-separated batch of them) in the path: /trpc/a.b,c.d?batch=1
  return decodeURIComponent(req.path.replace(/^\//, "")).split(",");
}

/**
 * Checks every tRPC request before tRPC sees it: mutations only as JSON from this origin (a cross-site
 * form post cannot run a mutation that takes no input), bounded batches without `auth.login`, and query
 * inputs under the same JSON limits as bodies. The body itself is parsed by `strictJsonBody`.
 */
export const guardTrpcRequests: RequestHandler = (req, res, next) => {
  res.set("Cache-Control", "no-store");
  try {
    if (req.method === "POST") {
      if (isCrossSite(req)) throw new RequestRefused(403, msg("common.error.crossSite"));
      if (!req.is("application/json")) throw new RequestRefused(415, msg("common.error.jsonOnly"));
    }
    const called = procedures(req);
    if (called.length > 1 || req.query.batch !== undefined) {
      if (called.length > MAX_BATCH_SIZE)
        throw new RequestRefused(400, msg("common.error.batchTooLarge", { max: String(MAX_BATCH_SIZE) }));
      if (called.some((name) => UNBATCHABLE.has(name)))
        throw new RequestRefused(400, msg("common.error.loginNotBatched"));
    }
    const input = req.method === "GET" ? req.query.input : undefined;
    if (typeof input === "string") parseStrictJson(input);
    next();
  } catch (error) {
    if (error instanceof RequestRefused) sendRefusal(res, error);
    else next(error);
  }
};

/**
 * Reads a JSON body as text (size-limited) and checks it with `parseStrictJson`. tRPC parses the text
 * itself: handing it a parsed object would make it re-serialise, and `Infinity` would come back as null.
 */
export function strictJsonBody(limit: string): RequestHandler[] {
  return [
    express.text({ type: "application/json", limit }),
    (req, res, next) => {
      if (typeof req.body !== "string" || req.body.length === 0) return next();
      try {
        parseStrictJson(req.body);
        next();
      } catch (error) {
        if (error instanceof RequestRefused) sendRefusal(res, error);
        else next(error);
      }
    },
  ];
}
