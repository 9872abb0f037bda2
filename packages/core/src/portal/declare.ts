import { agreementDeclarations, agreementLines, agreements, type Tx, warehouses } from "@relief/db";
import { type Message, msg } from "@relief/domain";
import { and, eq } from "drizzle-orm";
import { type LineContext, loadLine } from "../agreements/line";
import { recordAudit } from "../audit/record";
import { type CoreContext, nowIso, withTransaction } from "../context";
import { type ErrorIssue, UnauthorizedError, ValidationError } from "../errors";
import { assertDates, convertQuantity, DATE_WINDOWS, dateProblem } from "../limits";
import { localDate } from "../time";
import { type PortalDeclarationLine, PortalDeclareInput } from "./schemas";
import { portalEnterpriseId } from "./scope";

type ParsedLine = ReturnType<typeof PortalDeclarationLine.parse>;

/** A line checked and ready to insert, or the problems found with it (each naming its line). */
type Checked = { ok: true; values: typeof agreementDeclarations.$inferInsert } | { ok: false };

/**
 * The stock line `lineId` when it is one of this enterprise's. Another enterprise's line and a line that does
 * not exist get the same answer, so a guessed id reveals nothing of who holds it.
 */
function ownLine(tx: Tx, enterpriseId: number, lineId: number): LineContext | null {
  const owner = tx
    .select({ enterpriseId: agreements.enterpriseId })
    .from(agreementLines)
    .innerJoin(agreements, eq(agreements.id, agreementLines.agreementId))
    .where(eq(agreementLines.id, lineId))
    .get();
  return owner?.enterpriseId === enterpriseId ? loadLine(tx, lineId) : null;
}

/** The enterprise's own sites: warehouses of kind 企业代储点 it operates. */
function ownSites(tx: Tx, enterpriseId: number): Set<number> {
  return new Set(
    tx
      .select({ id: warehouses.id })
      .from(warehouses)
      .where(and(eq(warehouses.enterpriseId, enterpriseId), eq(warehouses.kind, "enterprise")))
      .all()
      .map((w) => w.id),
  );
}

interface LineCheck {
  tx: Tx;
  enterpriseId: number;
  sites: Set<number>;
  declaredOn: string;
  today: string;
  at: string;
  userId: number;
  /** Line ids already declared in this submission, with the line (1-based) that declared them. */
  seen: Map<number, number>;
  /** Form lines say which line they are about; a sheet row's issue already names its row. */
  numbered: boolean;
}

/** Checks one submitted line; every problem goes into `issues` with the line's field path. */
function checkLine(c: LineCheck, fields: ParsedLine, index: number, issues: ErrorIssue[]): Checked {
  const lineNumber = index + 1;
  const at = (field: string, message: Message): ErrorIssue => ({
    field: `lines.${index}.${field}`,
    message: c.numbered ? msg("common.error.onLineColon", { line: lineNumber, message }) : message,
  });
  const before = issues.length;
  const line = ownLine(c.tx, c.enterpriseId, fields.lineId);
  if (!line) {
    issues.push(at("lineId", msg("portal.error.notOwnLine")));
    return { ok: false };
  }
  if (line.kind !== "stock") {
    issues.push(at("lineId", msg("agreements.error.declareNotStock", { number: line.agreementNumber })));
    return { ok: false };
  }
  if (line.terminatedOn !== null && line.terminatedOn <= c.declaredOn) {
    const refusal = msg("agreements.error.declareTerminated", {
      number: line.agreementNumber,
      date: line.terminatedOn,
    });
    issues.push(at("lineId", refusal));
  }
  const first = c.seen.get(line.id);
  if (first !== undefined) {
    issues.push(
      at(
        "lineId",
        msg("portal.error.lineTwice", { number: line.agreementNumber, lineNo: line.lineNo, first }),
      ),
    );
  } else c.seen.set(line.id, lineNumber);
  const converted = line.item
    ? convertQuantity(line.item, fields.quantity, fields.unit, {
        label: msg("agreements.field.declaredQuantity"),
        field: `lines.${index}.quantity`,
        unitField: `lines.${index}.unit`,
        ...(c.numbered && { line: index }),
      })
    : null;
  if (converted?.issue) issues.push(converted.issue);
  const warehouseId = fields.warehouseId ?? line.warehouseId;
  if (fields.warehouseId !== null && !c.sites.has(fields.warehouseId)) {
    issues.push(at("warehouseId", msg("portal.error.notOwnSite")));
  }
  for (const [field, window, label] of [
    ["productionDate", DATE_WINDOWS.production, msg("stock.field.productionDate")],
    ["expiryDate", DATE_WINDOWS.expiry, msg("stock.field.expiryDate")],
  ] as const) {
    const value = fields[field];
    const problem = value ? dateProblem(value, window, label, c.today) : null;
    if (problem) issues.push(at(field, problem));
  }
  if (fields.productionDate && fields.expiryDate && fields.expiryDate <= fields.productionDate) {
    const problem = msg("stock.error.expiryBeforeProduction", {
      expiry: fields.expiryDate,
      production: fields.productionDate,
    });
    issues.push(at("expiryDate", problem));
  }
  if (issues.length > before || !converted || converted.issue) return { ok: false };
  return {
    ok: true,
    values: {
      lineId: line.id,
      declaredOn: c.declaredOn,
      quantity: converted.quantity,
      source: "entered",
      note: fields.note,
      lotCode: fields.lotCode || null,
      productionDate: fields.productionDate,
      expiryDate: fields.expiryDate,
      warehouseId,
      recordedBy: c.userId,
      recordedAt: c.at,
      status: "submitted",
    },
  };
}

/**
 * Checks every line of a submission against the enterprise's own agreement stock lines and sites and inserts
 * them as submitted, inside the caller's transaction; refuses the whole submission, naming each bad line,
 * when any is wrong. The `lineId` check is the enterprise boundary: its message never says whose line it was.
 */
export function submitDeclarations(
  tx: Tx,
  ctx: CoreContext,
  input: { declaredOn: string; lines: ParsedLine[]; source: "entered" | "imported"; numbered: boolean },
): number[] {
  const actor = ctx.actor;
  if (!actor) throw new UnauthorizedError();
  const enterpriseId = portalEnterpriseId(tx, ctx);
  const at = nowIso(ctx);
  const today = localDate(at);
  assertDates(today, [
    {
      value: input.declaredOn,
      window: DATE_WINDOWS.record,
      label: msg("agreements.field.declaredOn"),
      field: "declaredOn",
    },
  ]);
  const check: LineCheck = {
    tx,
    enterpriseId,
    sites: ownSites(tx, enterpriseId),
    declaredOn: input.declaredOn,
    today,
    at,
    userId: actor.userId,
    seen: new Map(),
    numbered: input.numbered,
  };
  const issues: ErrorIssue[] = [];
  const rows = input.lines.map((fields, index) => checkLine(check, fields, index, issues));
  if (issues.length > 0) {
    throw new ValidationError(msg("common.error.list", { items: issues.map((i) => i.message) }), issues);
  }
  return rows
    .flatMap((row) => (row.ok ? [row.values] : []))
    .map(
      (values) =>
        tx
          .insert(agreementDeclarations)
          .values({ ...values, source: input.source })
          .returning({ id: agreementDeclarations.id })
          .get().id,
    );
}

/** 企业自主申报: the enterprise user declares its on-hand stock for its agreement lines; commerce reviews it. */
export function portalDeclare({ ctx, input }: { ctx: CoreContext; input: PortalDeclareInput }): {
  declarations: number;
} {
  const fields = PortalDeclareInput.parse(input);
  return withTransaction(ctx, (tx) => {
    const ids = submitDeclarations(tx, ctx, { ...fields, source: "entered", numbered: true });
    recordAudit(tx, ctx, {
      action: "portal.declare",
      targetType: "declaration",
      targetIds: ids,
      summary: fields,
    });
    return { declarations: ids.length };
  });
}
