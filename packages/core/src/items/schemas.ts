import { z } from "zod";

export const ItemFields = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9][A-Z0-9-]{1,29}$/, "编码须为 2–30 位大写字母、数字或 -"),
  name: z.string().trim().min(1, "请填写名称").max(60),
  categoryId: z.number().int().positive("请选择类别"),
  specification: z.string().trim().max(200).default(""),
  baseUnit: z.string().trim().min(1, "请填写基本单位").max(10),
  kgPerUnit: z.number().min(0, "单位重量不能为负数").max(100_000),
  m3PerUnit: z.number().min(0, "单位体积不能为负数").max(1_000),
  shelfLifeMonths: z
    .number()
    .int("保质期应为整月")
    .min(1, "保质期至少 1 个月")
    .max(600)
    .nullable()
    .default(null),
  packs: z
    .array(
      z.object({
        name: z.string().trim().min(1, "请填写包装单位").max(10),
        baseQuantity: z.number().int("包装数量应为整数").min(2, "每包装至少 2 个基本单位"),
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
      ctx.addIssue({ code: "custom", path: ["packs", i, "name"], message: "包装单位不能与基本单位相同" });
    else if (names.indexOf(name) !== i)
      ctx.addIssue({ code: "custom", path: ["packs", i, "name"], message: "包装单位重复" });
  });
});
export type CreateItemInput = z.input<typeof CreateItemInput>;

export const UpdateItemInput = z.object({ id: z.number().int().positive() }).and(CreateItemInput);
export type UpdateItemInput = z.input<typeof UpdateItemInput>;
