import fc from "fast-check";

/**
 * Inputs for fuzzing a procedure, derived from its zod input schema: mostly the right shape with values
 * at and beyond every stated bound (ids that exist, ids that don't, quantities at 2^53, dates in year 0000,
 * strings with `%`, control characters and 10,000 characters), and now and then any JSON at all.
 */

interface ZodDef {
  type: string;
  shape?: Record<string, ZodLike>;
  innerType?: ZodLike;
  element?: ZodLike;
  options?: ZodLike[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  in?: ZodLike;
  out?: ZodLike;
  keyType?: ZodLike;
  valueType?: ZodLike;
  format?: string;
  pattern?: RegExp;
  checks?: Array<{ _zod: { def: Check } }>;
}
interface Check {
  check: string;
  value?: number | bigint;
  inclusive?: boolean;
  minimum?: number;
  maximum?: number;
  format?: string;
  pattern?: RegExp;
}
interface ZodLike {
  _zod: { def: ZodDef };
}

const anyJson = fc.jsonValue({ maxDepth: 3 });

const awkwardStrings = fc.constantFrom(
  "",
  " ",
  "   ",
  "%",
  "_",
  "\\",
  "%_\\'\"",
  "'; DROP TABLE stock_documents; --",
  "\u0000",
  "\u202e反向",
  "巴南区",
  "０１２３",
  "1e999",
  "NaN",
  "0000-01-01",
  "9999-12-31",
  "2026-02-30",
  "1900-01-01",
  "2026-11-30T25:61:00Z",
  "x".repeat(10_000),
);

const awkwardNumbers = fc.constantFrom(
  0,
  -0,
  -1,
  1,
  2,
  0.5,
  -0.5,
  1e-9,
  2 ** 31,
  2 ** 32 + 1,
  2 ** 53 - 1,
  -(2 ** 53 - 1),
  1e15,
  1e20,
  Number.MAX_VALUE,
);

function bounds(def: ZodDef) {
  let min: number | undefined;
  let max: number | undefined;
  let minLength: number | undefined;
  let maxLength: number | undefined;
  let int = false;
  let pattern: RegExp | undefined;
  for (const { _zod } of def.checks ?? []) {
    const c = _zod.def;
    if (c.check === "greater_than" && typeof c.value === "number") min = c.value;
    else if (c.check === "less_than" && typeof c.value === "number") max = c.value;
    else if (c.check === "number_format" && (c.format === "safeint" || c.format === "int32")) int = true;
    else if (c.check === "min_length") minLength = c.minimum;
    else if (c.check === "max_length") maxLength = c.maximum;
    else if (c.check === "length_equals") minLength = maxLength = c.value as number;
    else if (c.check === "string_format" && c.pattern) pattern = c.pattern;
  }
  return { min, max, minLength, maxLength, int, pattern };
}

function numberArbitrary(def: ZodDef): fc.Arbitrary<unknown> {
  const { min, max, int } = bounds(def);
  const lo = min ?? -1000;
  const hi = max ?? Math.max(lo + 1000, 1000);
  const edges = [
    min,
    max,
    min !== undefined ? min - 1 : undefined,
    max !== undefined ? max + 1 : undefined,
  ].filter((v): v is number => v !== undefined && Number.isFinite(v));
  const inRange = int
    ? fc.integer({ min: Math.max(lo, -(2 ** 31)), max: Math.min(Math.max(hi, lo), Math.max(lo, 60)) })
    : fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true });
  return fc.oneof(
    { weight: 6, arbitrary: inRange },
    { weight: 2, arbitrary: edges.length ? fc.constantFrom(...edges) : inRange },
    { weight: 2, arbitrary: awkwardNumbers },
  );
}

function dateString(): fc.Arbitrary<string> {
  return fc.oneof(
    fc
      .date({ min: new Date("2020-01-01"), max: new Date("2030-12-31"), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
    fc.constantFrom("0000-01-01", "9999-12-31", "1900-01-01", "2026-02-30", "2026-13-01", "1970-01-01"),
  );
}

function stringArbitrary(def: ZodDef): fc.Arbitrary<unknown> {
  const { minLength, maxLength, pattern } = bounds(def);
  if (def.format === "date") return dateString();
  if (def.format === "datetime")
    return fc.oneof(
      dateString().map((d) => `${d}T08:00:00.000Z`),
      fc.constantFrom("0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2026-11-30T25:61:00Z"),
    );
  const regex = pattern ?? def.pattern;
  const shaped = regex
    ? fc.stringMatching(regex, { size: "small" })
    : fc.string({ minLength: minLength ?? 0, maxLength: Math.min(maxLength ?? 40, 60) });
  return fc.oneof(
    { weight: 6, arbitrary: shaped },
    { weight: 2, arbitrary: awkwardStrings },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
  );
}

/** An arbitrary for values of the schema's shape, with bounds crossed and, now and then, no shape at all. */
export function inputFor(schema: unknown): fc.Arbitrary<unknown> {
  const shaped = shapeOf(schema as ZodLike);
  return fc.oneof({ weight: 9, arbitrary: shaped }, { weight: 1, arbitrary: anyJson });
}

function shapeOf(schema: ZodLike | undefined): fc.Arbitrary<unknown> {
  const def = schema?._zod?.def;
  if (!def) return anyJson;
  switch (def.type) {
    case "object": {
      const keys = Object.keys(def.shape ?? {});
      const fields = Object.fromEntries(keys.map((k) => [k, shapeOf(def.shape?.[k])]));
      return fc.record(fields, { requiredKeys: keys.filter((k) => !isOptional(def.shape?.[k])) });
    }
    case "optional":
      return fc.oneof({ weight: 4, arbitrary: shapeOf(def.innerType) }, fc.constant(undefined));
    case "nullable":
      return fc.oneof({ weight: 4, arbitrary: shapeOf(def.innerType) }, fc.constant(null));
    case "default":
    case "prefault":
    case "catch":
    case "readonly":
    case "nonoptional":
      return shapeOf(def.innerType);
    case "pipe":
      return shapeOf(def.in?._zod.def.type === "transform" ? def.out : def.in);
    case "array": {
      const { maxLength } = bounds(def);
      return fc.array(shapeOf(def.element), { maxLength: Math.min(maxLength ?? 5, 5) });
    }
    case "union":
      return fc.oneof(...(def.options ?? []).map(shapeOf));
    case "enum": {
      const values = Object.values(def.entries ?? {});
      return fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...values) }, awkwardStrings);
    }
    case "literal":
      return fc.constantFrom(...(def.values ?? [null]));
    case "number":
      return numberArbitrary(def);
    case "string":
      return stringArbitrary(def);
    case "boolean":
      return fc.boolean();
    case "record":
      return fc.dictionary(fc.string({ maxLength: 8 }), shapeOf(def.valueType), { maxKeys: 4 });
    default:
      return anyJson;
  }
}

function isOptional(schema: ZodLike | undefined): boolean {
  const type = schema?._zod?.def?.type;
  return type === "optional" || type === "default" || type === "prefault";
}
