import { agreementLines, agreements, type DbOrTx, itemPacks, warehouses } from "@relief/db";
import { and, asc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import {
  type CalloffView,
  type DeclarationView,
  listCalloffs,
  listDeclarations,
} from "../agreements/history";
import { type AgreementLineView, type AgreementView, agreementViews } from "../agreements/list";
import type { CoreContext } from "../context";
import { lastDeclaredOnSql, nextDeclarationDueSql } from "../declarations/due";
import {
  type CreditEventView,
  type CreditRecord,
  creditRecord,
  listCreditEvents,
} from "../enterprises/credit";
import { type EnterpriseView, getEnterprise } from "../enterprises/list";
import type { Page } from "../paging";
import { localDate } from "../time";
import { PortalCalloffsInput, PortalDeclarationsInput } from "./schemas";
import { portalEnterpriseId } from "./scope";

/** Every portal read is of the acting enterprise alone: the id comes from its account, never from the input. */

type PortalCtx = Pick<CoreContext, "actor"> & { db: DbOrTx };

export interface PortalMe extends EnterpriseView {
  credit: Pick<CreditRecord, "grade" | "score" | "flagged">;
}

export function portalMe(ctx: PortalCtx, now: string): PortalMe {
  const id = portalEnterpriseId(ctx.db, ctx);
  const { grade, score, flagged } = creditRecord(ctx.db, id, now);
  return { ...getEnterprise(ctx.db, id), credit: { grade, score, flagged } };
}

export interface PortalAgreementLine extends AgreementLineView {
  /** Stock lines: the agreement's cadence in months, the last declaration that counts for it, and the next due. */
  declaration: { months: number; lastDeclaredOn: string | null; nextDueOn: string; overdue: boolean } | null;
  /** The item's packs, so the enterprise may declare in any unit of it (the catalog itself is staff-only). */
  packs: Array<{ name: string; baseQuantity: number }>;
}

export interface PortalAgreement extends Omit<AgreementView, "lines"> {
  lines: PortalAgreementLine[];
}

const l = alias(agreementLines, "l");
const a = alias(agreements, "a");

/** The enterprise's agreements with their lines, and each stock line's declaration cadence and next due date. */
export function portalAgreements(ctx: PortalCtx, now: string): PortalAgreement[] {
  const enterpriseId = portalEnterpriseId(ctx.db, ctx);
  const today = localDate(now);
  const due = new Map(
    ctx.db
      .select({
        lineId: l.id,
        months: a.declarationMonths,
        lastDeclaredOn: lastDeclaredOnSql(),
        nextDueOn: nextDeclarationDueSql(),
      })
      .from(l)
      .innerJoin(a, eq(a.id, l.agreementId))
      .where(and(eq(a.enterpriseId, enterpriseId), eq(a.kind, "stock")))
      .all()
      .map(({ lineId, ...d }) => [lineId, { ...d, overdue: d.nextDueOn < today }]),
  );
  const views = agreementViews(ctx.db, { enterpriseId }, now);
  const packs = packsOf(
    ctx.db,
    views.flatMap((v) => v.lines.flatMap((line) => (line.itemId === null ? [] : [line.itemId]))),
  );
  return views.map((agreement) => ({
    ...agreement,
    lines: agreement.lines.map((line) => ({
      ...line,
      declaration: agreement.inForce ? (due.get(line.id) ?? null) : null,
      packs: (line.itemId !== null && packs.get(line.itemId)) || [],
    })),
  }));
}

/** Each item's packs, smallest first. */
function packsOf(db: DbOrTx, itemIds: number[]): Map<number, Array<{ name: string; baseQuantity: number }>> {
  const found = new Map<number, Array<{ name: string; baseQuantity: number }>>();
  if (itemIds.length === 0) return found;
  const rows = db
    .select({ itemId: itemPacks.itemId, name: itemPacks.name, baseQuantity: itemPacks.baseQuantity })
    .from(itemPacks)
    .where(inArray(itemPacks.itemId, [...new Set(itemIds)]))
    .orderBy(asc(itemPacks.baseQuantity))
    .all();
  for (const { itemId, ...pack } of rows) found.set(itemId, [...(found.get(itemId) ?? []), pack]);
  return found;
}

export interface PortalSite {
  id: number;
  code: string;
  name: string;
  address: string;
  manager: string;
  phone: string;
  active: boolean;
}

/** The enterprise's own sites (企业代储点), where it declares its agreement stock held. */
export function portalSites(ctx: PortalCtx): PortalSite[] {
  const enterpriseId = portalEnterpriseId(ctx.db, ctx);
  return ctx.db
    .select({
      id: warehouses.id,
      code: warehouses.code,
      name: warehouses.name,
      address: warehouses.address,
      manager: warehouses.manager,
      phone: warehouses.phone,
      active: warehouses.active,
    })
    .from(warehouses)
    .where(and(eq(warehouses.enterpriseId, enterpriseId), eq(warehouses.kind, "enterprise")))
    .orderBy(warehouses.code)
    .all();
}

export function portalDeclarations(ctx: PortalCtx, input: PortalDeclarationsInput): Page<DeclarationView> {
  const enterpriseId = portalEnterpriseId(ctx.db, ctx);
  return listDeclarations(ctx.db, { ...PortalDeclarationsInput.parse(input), enterpriseId });
}

export function portalCalloffs(ctx: PortalCtx, input: PortalCalloffsInput, now: string): Page<CalloffView> {
  const enterpriseId = portalEnterpriseId(ctx.db, ctx);
  return listCalloffs(ctx.db, { ...PortalCalloffsInput.parse(input), enterpriseId }, now);
}

export interface PortalCredit {
  record: CreditRecord;
  events: CreditEventView[];
}

/** The enterprise's own credit record, every term of its score, and the events noted on it. */
export function portalCredit(ctx: PortalCtx, now: string): PortalCredit {
  const enterpriseId = portalEnterpriseId(ctx.db, ctx);
  return { record: creditRecord(ctx.db, enterpriseId, now), events: listCreditEvents(ctx.db, enterpriseId) };
}
