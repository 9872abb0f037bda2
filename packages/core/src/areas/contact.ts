import { areas, type DbOrTx } from "@relief/db";
import { eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";

export interface ReceivingContact {
  name: string;
  phone: string;
}

const parent = alias(areas, "parent");

/**
 * Who receives relief for each of `areaIds`: the area's own contact, or for a village with none, its
 * township's (the township's 应急办 receives for its villages). Areas with neither are left out.
 */
export function receivingContacts(db: DbOrTx, areaIds: number[]): Map<number, ReceivingContact> {
  if (areaIds.length === 0) return new Map();
  const rows = db
    .select({
      id: areas.id,
      level: areas.level,
      name: areas.contactName,
      phone: areas.contactPhone,
      parentName: parent.contactName,
      parentPhone: parent.contactPhone,
    })
    .from(areas)
    .leftJoin(parent, eq(parent.id, areas.parentId))
    .where(inArray(areas.id, [...new Set(areaIds)]))
    .all();
  const contacts = new Map<number, ReceivingContact>();
  for (const r of rows) {
    const own = r.name !== "" || r.phone !== "" || r.level !== "village";
    const contact = own
      ? { name: r.name, phone: r.phone }
      : { name: r.parentName ?? "", phone: r.parentPhone ?? "" };
    if (contact.name !== "" || contact.phone !== "") contacts.set(r.id, contact);
  }
  return contacts;
}
