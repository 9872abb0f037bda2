import {
  type DbOrTx,
  type EnterpriseKind,
  type EnterpriseStatus,
  enterpriseContacts,
  enterprises,
} from "@relief/db";
import { asc, eq } from "drizzle-orm";
import { NotFoundError } from "../errors";

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
