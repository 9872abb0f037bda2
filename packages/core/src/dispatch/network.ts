import type { RoadEdge, RoadNetwork } from "./sources";
import type { PlanOptions } from "./types";

/**
 * The road network as planning sees it, and fastest paths over it with the edges they drive. The planner
 * computes its own travel matrix; this is for what the plan page and the suggestions need besides: the
 * edges of each leg, which closed roads lie on the way, and which warehouses reach a township in time.
 */

/** Free-flow minutes of an edge before its speed factor: a fixed crossing time, or km at the edge's speed. */
export function baseMinutes(edge: Pick<RoadEdge, "km" | "minutes" | "speedKmh">): number {
  if (edge.minutes != null) return edge.minutes;
  return (edge.km / edge.speedKmh) * 60;
}

/**
 * Today's status with the dispatcher's choices applied: a pinned road is driven although marked closed, an
 * excluded one is not driven although open. `allOpen` reopens every road (for "what would reopening fix").
 */
export function effectiveEdges(
  network: RoadNetwork,
  options: Pick<PlanOptions, "pinnedEdgeIds" | "excludedEdgeIds">,
  allOpen = false,
): RoadEdge[] {
  const pinned = new Set(options.pinnedEdgeIds);
  const excluded = new Set(options.excludedEdgeIds);
  return network.edges.map((e) => {
    const closed = allOpen ? false : excluded.has(e.id) || (e.closed && !pinned.has(e.id));
    // A pinned closed road is passable but not known to be fast: it keeps the factor it was given.
    return { ...e, closed, speedFactor: allOpen ? 1 : e.speedFactor };
  });
}

interface Arc {
  to: number;
  edgeId: number;
  minutes: number;
  km: number;
}

/** Fastest paths from one node: minutes and km per node id, and the edge each node is entered by. */
export interface PathTree {
  minutes: Map<number, number>;
  km: Map<number, number>;
  via: Map<number, { edgeId: number; from: number }>;
}

export class RoadGraph {
  private readonly arcs = new Map<number, Arc[]>();
  private readonly trees = new Map<number, PathTree>();

  constructor(edges: RoadEdge[]) {
    for (const e of edges) {
      if (e.closed) continue;
      const minutes = baseMinutes(e) / e.speedFactor;
      this.add(e.from, { to: e.to, edgeId: e.id, minutes, km: e.km });
      if (!e.oneWay) this.add(e.to, { to: e.from, edgeId: e.id, minutes, km: e.km });
    }
  }

  private add(from: number, arc: Arc): void {
    const list = this.arcs.get(from);
    if (list) list.push(arc);
    else this.arcs.set(from, [arc]);
  }

  /**
   * Dijkstra from `source`; among equally fast paths the one with fewest km, as the planner chooses. A
   * district's network has tens to hundreds of nodes, so a sorted array serves as the queue.
   */
  from(source: number): PathTree {
    const cached = this.trees.get(source);
    if (cached) return cached;
    const tree: PathTree = { minutes: new Map([[source, 0]]), km: new Map([[source, 0]]), via: new Map() };
    const done = new Set<number>();
    const heap: Array<[number, number, number]> = [[0, 0, source]];
    const before = (a: [number, number, number], b: [number, number, number]) =>
      a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
    while (heap.length > 0) {
      heap.sort((a, b) => (before(a, b) ? 1 : before(b, a) ? -1 : 0));
      const [t, k, u] = heap.pop() as [number, number, number];
      if (done.has(u)) continue;
      done.add(u);
      for (const arc of this.arcs.get(u) ?? []) {
        if (done.has(arc.to)) continue;
        const tv = t + arc.minutes;
        const kv = k + arc.km;
        const old = tree.minutes.get(arc.to) ?? Number.POSITIVE_INFINITY;
        if (tv < old || (tv === old && kv < (tree.km.get(arc.to) as number))) {
          tree.minutes.set(arc.to, tv);
          tree.km.set(arc.to, kv);
          tree.via.set(arc.to, { edgeId: arc.edgeId, from: u });
          heap.push([tv, kv, arc.to]);
        }
      }
    }
    this.trees.set(source, tree);
    return tree;
  }

  /** Minutes of the fastest path, Infinity when no open road leads there. */
  minutes(from: number, to: number): number {
    return this.from(from).minutes.get(to) ?? Number.POSITIVE_INFINITY;
  }

  /** The edges of the fastest path, in driving order; null when no open road leads there. */
  path(from: number, to: number): number[] | null {
    if (from === to) return [];
    const tree = this.from(from);
    if (!tree.via.has(to)) return null;
    const edges: number[] = [];
    for (let at = to; at !== from; ) {
      const step = tree.via.get(at) as { edgeId: number; from: number };
      edges.push(step.edgeId);
      at = step.from;
    }
    return edges.reverse();
  }
}
