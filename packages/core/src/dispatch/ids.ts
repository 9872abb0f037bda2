/** Ids in the planner's problem: the kind's letter and the database id. */
export const problemId = {
  warehouse: (id: number) => `W${id}`,
  vehicle: (id: number) => `V${id}`,
  area: (id: number) => `A${id}`,
  item: (id: number) => `I${id}`,
  node: (id: number) => `N${id}`,
  /** Goods a neighbour promised under a mutual-aid request, at its entry node (a depot of their own). */
  aid: (requestId: number) => `H${requestId}`,
  /** A neighbour's truck named in its reply. */
  aidTruck: (id: number) => `T${id}`,
};
/** The database id of a problem id ("W12" → 12; "V3#1" is not produced: every vehicle is its own entry). */
export const databaseId = (id: string) => Number(id.slice(1));
