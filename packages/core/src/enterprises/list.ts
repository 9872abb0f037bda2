import {
  type DbOrTx,
  type EnterpriseKind,
  type EnterpriseStatus,
  enterpriseContacts,
  enterprises,
} from "@relief/db";
import { asc, eq } from "drizzle-orm";
import { type AgreementView, listAgreements } from "../agreements/list";
import { NotFoundError } from "../errors";
import { listWarehouses, type WarehouseView } from "../warehouses/list";
import {
  type CreditEventView,
  type CreditGrade,
  type CreditRecord,
  creditRecord,
  creditRecords,
  listCreditEvents,
} from "./credit";

export interface EnterpriseView {
  id: number;
  name: string;
  creditCode: string;
  kind: EnterpriseKind;
  keySupplier: boolean;
  address: string;
  areaId: number | null;
  lat: number | null;
  lon: number | null;
  status: EnterpriseStatus;
  note: string | null;
  createdAt: string;
  updatedAt: string;
  contacts: Array<{ name: string; role: string; mobile: string }>;
}

export function listEnterprises(db: DbOrTx): EnterpriseView[] {
  const contacts = db.select().from(enterpriseContacts).orderBy(asc(enterpriseContacts.id)).all();
  return db
    .select()
    .from(enterprises)
    .orderBy(asc(enterprises.name))
    .all()
    .map((e) => ({
      ...e,
      contacts: contacts
        .filter((c) => c.enterpriseId === e.id)
        .map((c) => ({ name: c.name, role: c.role, mobile: c.mobile })),
    }));
}

export function getEnterprise(db: DbOrTx, id: number): EnterpriseView {
  const enterprise = db.select().from(enterprises).where(eq(enterprises.id, id)).get();
  if (!enterprise) throw new NotFoundError(`企业 #${id} 不存在`);
  const contacts = db
    .select({
      name: enterpriseContacts.name,
      role: enterpriseContacts.role,
      mobile: enterpriseContacts.mobile,
    })
    .from(enterpriseContacts)
    .where(eq(enterpriseContacts.enterpriseId, id))
    .orderBy(asc(enterpriseContacts.id))
    .all();
  return { ...enterprise, contacts };
}

export interface EnterpriseSummary extends EnterpriseView {
  grade: CreditGrade;
  score: number;
  /** Suspended or grade D. */
  flagged: boolean;
  agreementsInForce: number;
  agreementsExpiring: number;
}

/** The register with each enterprise's credit grade and agreements in force, for the list page. */
export function listEnterpriseSummaries(db: DbOrTx, now: string): EnterpriseSummary[] {
  const credit = creditRecords(db, now);
  const agreementsByEnterprise = new Map<number, { inForce: number; expiring: number }>();
  for (const a of listAgreements(db, {}, now, credit)) {
    const entry = agreementsByEnterprise.get(a.enterpriseId) ?? { inForce: 0, expiring: 0 };
    if (a.inForce) entry.inForce += 1;
    if (a.status === "expiring") entry.expiring += 1;
    agreementsByEnterprise.set(a.enterpriseId, entry);
  }
  return listEnterprises(db).map((e) => {
    const record = credit.get(e.id);
    const counts = agreementsByEnterprise.get(e.id);
    return {
      ...e,
      grade: record?.grade ?? "A",
      score: record?.score ?? 100,
      flagged: record?.flagged ?? e.status === "suspended",
      agreementsInForce: counts?.inForce ?? 0,
      agreementsExpiring: counts?.expiring ?? 0,
    };
  });
}

export interface EnterpriseDetail extends EnterpriseView {
  credit: CreditRecord;
  creditEvents: CreditEventView[];
  agreements: AgreementView[];
  warehouses: WarehouseView[];
}

/** One enterprise with its contacts, enterprise warehouses, agreements and credit record. */
export function getEnterpriseDetail(db: DbOrTx, id: number, now: string): EnterpriseDetail {
  const enterprise = getEnterprise(db, id);
  const credit = creditRecords(db, now);
  return {
    ...enterprise,
    credit: creditRecord(db, id, now, credit),
    creditEvents: listCreditEvents(db, id),
    agreements: listAgreements(db, { enterpriseId: id }, now, credit),
    warehouses: listWarehouses(db).filter((w) => w.enterpriseId === id),
  };
}
