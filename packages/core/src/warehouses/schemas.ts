import { WAREHOUSE_KINDS } from "@relief/db";
import { z } from "zod";

const optionalNumber = (min: number, max: number, message: string) =>
  z.number().min(min, message).max(max, message).nullable().default(null);

export const CreateWarehouseInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9][A-Z0-9-]{1,19}$/, "编码须为 2–20 位大写字母、数字或 -"),
  name: z.string().trim().min(1, "请填写名称").max(60),
  kind: z.enum(WAREHOUSE_KINDS, { error: "仓库类型无效" }),
  organisation: z.string().trim().min(1, "请填写所属单位").max(100),
  /** Only enterprise sites name the partner enterprise operating them. */
  enterpriseId: z.number().int().positive().nullable().default(null),
  areaId: z.number().int().positive("请选择所在镇街"),
  address: z.string().trim().max(200).default(""),
  lat: optionalNumber(-90, 90, "纬度应在 -90–90 之间"),
  lon: optionalNumber(-180, 180, "经度应在 -180–180 之间"),
  capacityM3: optionalNumber(0, 10_000_000, "容积应为非负数"),
  capacityM2: optionalNumber(0, 10_000_000, "面积应为非负数"),
  manager: z.string().trim().max(30).default(""),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+\-() ]{0,30}$/, "电话只能包含数字、空格和 + - ( )")
    .default(""),
  loadMinutes: z
    .number()
    .int("装车时间应为整数分钟")
    .min(0, "装车时间不能为负数")
    .max(24 * 60, "装车时间不超过 24 小时")
    .default(120),
  active: z.boolean().default(true),
});
export type CreateWarehouseInput = z.input<typeof CreateWarehouseInput>;

export const UpdateWarehouseInput = z.object({ id: z.number().int().positive() }).and(CreateWarehouseInput);
export type UpdateWarehouseInput = z.input<typeof UpdateWarehouseInput>;

export const AssignWarehouseUsersInput = z.object({
  warehouseId: z.number().int().positive(),
  userIds: z.array(z.number().int().positive()).max(100),
});
export type AssignWarehouseUsersInput = z.infer<typeof AssignWarehouseUsersInput>;
