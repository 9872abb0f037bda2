import { m } from "@relief/domain";
import { z } from "zod";

export const ItemFields = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9][A-Z0-9-]{1,29}$/, m("items.error.codeFormat")),
  name: z.string().trim().min(1, m("items.error.enterName")).max(60),
  categoryId: z.number().int().positive(m("items.error.chooseCategory")),
  specification: z.string().trim().max(200).default(""),
  baseUnit: z.string().trim().min(1, m("items.error.enterBaseUnit")).max(10),
  kgPerUnit: z.number().min(0, m("items.error.weightNegative")).max(100_000),
  m3PerUnit: z.number().min(0, m("items.error.volumeNegative")).max(1_000),
  shelfLifeMonths: z
    .number()
    .int(m("items.error.shelfLifeWholeMonths"))
    .min(1, m("items.error.shelfLifeAtLeastOne"))
    .max(600)
    .nullable()
    .default(null),
  packs: z
    .array(
      z.object({
        name: z.string().trim().min(1, m("items.error.enterPackUnit")).max(10),
        baseQuantity: z
          .number()
          .int(m("items.error.packQuantityInteger"))
          .min(2, m("items.error.packAtLeastTwo")),
      }),
    )
    .max(5)
    .default([]),
  active: z.boolean().default(true),
});

export const CreateItemInput = ItemFields.superRefine((item, ctx) => {
  const names = item.packs.map((p) => p.name);
  names.forEach((name, i) => {
    if (name === item.baseUnit)
      ctx.addIssue({ code: "custom", path: ["packs", i, "name"], message: m("items.error.packSameAsBase") });
    else if (names.indexOf(name) !== i)
      ctx.addIssue({ code: "custom", path: ["packs", i, "name"], message: m("items.error.packDuplicate") });
  });
});
export type CreateItemInput = z.input<typeof CreateItemInput>;

export const UpdateItemInput = z.object({ id: z.number().int().positive() }).and(CreateItemInput);
export type UpdateItemInput = z.input<typeof UpdateItemInput>;
