import type { LayoutProblem } from "../layout/schema";
import { Random } from "../random";

/**
 * The obvious case: a west store holding all the tents, an east store holding quilts and two trucks, and a
 * town 30 min east of it; west is 400 min from east. The west's one truck gets one load to the town in time.
 */
export function westEast(overrides: Partial<LayoutProblem> = {}): LayoutProblem {
  return {
    deadlineMinutes: 600,
    warehouses: [
      { id: "west", node: "W", capacityM3: 1000, loadMinutes: 60 },
      { id: "east", node: "E", capacityM3: 1000, loadMinutes: 60 },
    ],
    items: [
      { id: "tent", kg: 50, m3: 0.2, priceYuan: 1500 },
      { id: "quilt", kg: 2.5, m3: 0.03, priceYuan: 100 },
    ],
    stock: [
      { warehouseId: "west", itemId: "tent", quantity: 300, movable: 300 },
      { warehouseId: "west", itemId: "quilt", quantity: 500, movable: 500 },
      { warehouseId: "east", itemId: "quilt", quantity: 500, movable: 500 },
    ],
    fleet: [
      { warehouseId: "west", count: 1, capacityKg: 2000, capacityM3: 14 },
      { warehouseId: "east", count: 2, capacityKg: 2000, capacityM3: 14 },
    ],
    network: {
      nodes: [{ id: "W" }, { id: "E" }, { id: "town" }, { id: "village" }],
      edges: [
        { from: "W", to: "E", minutes: 400 },
        { from: "E", to: "town", minutes: 30 },
        { from: "W", to: "village", minutes: 20 },
      ],
    },
    scenarios: [
      {
        id: "flood-east",
        hazard: "flood",
        areaId: "town",
        sites: [{ node: "town", areaId: "town", people: 600 }],
        needPerPerson: { tent: 1 / 3, quilt: 1 },
        weight: 1,
      },
    ],
    ...overrides,
  };
}

/**
 * Random small layout problems on a travel-time matrix: 3 warehouses (one without trucks now and then),
 * 4 towns, 2 items, 3 scenarios of one or two sites, trucks of two sizes, loading 20–80 min.
 */
export function randomLayoutProblem(seed: number): LayoutProblem {
  const random = new Random(seed);
  const names = ["w0", "w1", "w2", "t0", "t1", "t2", "t3"];
  const spots = names.map(() => [random.int(60), random.int(60)] as const);
  const minutes = spots.map(([x1, y1]) =>
    spots.map(([x2, y2]) => 4 * Math.round(Math.hypot(x1 - x2, y1 - y2))),
  );
  const warehouses = ["w0", "w1", "w2"].map((id) => ({
    id,
    node: id,
    capacityM3: 20 + random.int(60),
    loadMinutes: 20 + random.int(61),
  }));
  const items = [
    { id: "water", kg: 1, m3: 0.0012 },
    { id: "quilt", kg: 2.5, m3: 0.03 },
  ];
  const stock = warehouses.flatMap((w) =>
    items.flatMap((item) => {
      const quantity = random.float() < 0.3 ? 0 : random.int(item.id === "water" ? 3000 : 400);
      return quantity > 0
        ? [{ warehouseId: w.id, itemId: item.id, quantity, movable: random.int(quantity + 1) }]
        : [];
    }),
  );
  const fleet = warehouses.flatMap((w, k) =>
    k === 2 && random.float() < 0.5
      ? []
      : [
          {
            warehouseId: w.id,
            count: 1 + random.int(2),
            capacityKg: random.float() < 0.5 ? 600 : 1500,
            ...(random.float() < 0.7 ? { capacityM3: 6 } : {}),
            ...(random.float() < 0.3 ? { speedFactor: 0.8 } : {}),
          },
        ],
  );
  const scenarios = [0, 1, 2].map((k) => {
    const towns =
      random.float() < 0.5
        ? [`t${random.int(4)}`]
        : ["t0", "t1", "t2", "t3"].filter(() => random.float() < 0.6);
    const sites = (towns.length > 0 ? towns : ["t3"]).map((node) => ({ node, people: 20 + random.int(200) }));
    return {
      id: `s${k}`,
      hazard: "flood" as const,
      sites,
      needPerPerson: { water: 9, quilt: 1 },
      weight: 1 + random.int(3),
    };
  });
  return {
    deadlineMinutes: 300,
    serviceMinutes: 10,
    warehouses,
    items,
    stock,
    fleet,
    matrix: { nodes: names, minutes },
    scenarios,
  };
}
