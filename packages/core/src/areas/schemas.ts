import { AREA_KINDS, POPULATION_BASES } from "@relief/db";
import { z } from "zod";
import { PageFields } from "../paging";

const population = z
  .number({ error: "常住人口应为整数" })
  .int("常住人口应为整数")
  .min(0, "常住人口不能为负数")
  .max(50_000_000, "常住人口过大");
const year = z.number().int("统计年份应为整数").min(1949, "统计年份不能早于 1949").max(2100, "统计年份无效");
const householdSize = z.number().min(1, "户均人口应在 1–10 之间").max(10, "户均人口应在 1–10 之间");
const lat = z.number().min(-90, "纬度应在 -90–90 之间").max(90, "纬度应在 -90–90 之间");
const lon = z.number().min(-180, "经度应在 -180–180 之间").max(180, "经度应在 -180–180 之间");
const name = z.string().trim().min(1, "请输入名称").max(50, "名称最多 50 个字符");

/** The district and its townships (or one of the two levels); villages are paged by `ListVillagesInput`. */
export const ListAreasInput = z.object({ level: z.enum(["district", "township"]).optional() }).optional();
export type ListAreasInput = z.infer<typeof ListAreasInput>;

export const ListVillagesInput = z
  .object({
    townshipId: z.number().int().positive().optional(),
    search: z.string().trim().max(50, "搜索内容最多 50 个字符").optional(),
    ...PageFields,
  })
  .prefault({});
export type ListVillagesInput = z.input<typeof ListVillagesInput>;

export const UpdateAreaInput = z.object({
  id: z.number().int().positive(),
  name: name.optional(),
  population: population.optional(),
  populationYear: year.optional(),
  populationBasis: z.enum(POPULATION_BASES, { error: "数据依据应为普查、官方统计或估算" }).optional(),
  householdSize: householdSize.nullable().optional(),
  lat: lat.nullable().optional(),
  lon: lon.nullable().optional(),
});
export type UpdateAreaInput = z.infer<typeof UpdateAreaInput>;

export const CreateAreaInput = z.object({
  parentId: z.number().int().positive(),
  kind: z.enum(AREA_KINDS).refine((k) => k === "village" || k === "community", "只能新建村或社区"),
  name,
  population,
  populationYear: year,
  populationBasis: z.enum(POPULATION_BASES, { error: "数据依据应为普查、官方统计或估算" }),
  householdSize: householdSize.nullable().optional(),
  lat: lat.nullable().optional(),
  lon: lon.nullable().optional(),
});
export type CreateAreaInput = z.infer<typeof CreateAreaInput>;

export const RemoveAreaInput = z.object({ id: z.number().int().positive() });
export type RemoveAreaInput = z.infer<typeof RemoveAreaInput>;

/** An uploaded file travels as base64 in JSON, so the API stays usable from any client. */
export const UploadInput = z.object({
  fileName: z.string().trim().min(1).max(200),
  contentBase64: z
    .string()
    .min(1, "文件为空")
    .max(14_000_000, "文件过大（最大 10 MB）")
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, "文件内容编码无效"),
});
export type UploadInput = z.infer<typeof UploadInput>;
