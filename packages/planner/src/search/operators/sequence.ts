import { RELOAD, type Route } from "../route";
import type { Solution } from "../solution";

/** A node reference in a candidate route: (source route, position), or route −1 for a reload. */
export class Sequence {
  route: Int32Array;
  pos: Int32Array;
  length = 0;

  constructor(size: number) {
    this.route = new Int32Array(size);
    this.pos = new Int32Array(size);
  }

  clear(): void {
    this.length = 0;
  }

  private push(r: number, p: number): void {
    if (this.length === this.route.length) {
      const route = new Int32Array(this.length * 2);
      const pos = new Int32Array(this.length * 2);
      route.set(this.route);
      pos.set(this.pos);
      this.route = route;
      this.pos = pos;
    }
    this.route[this.length] = r;
    this.pos[this.length++] = p;
  }

  /** Appends positions from … to of route r (nothing when from > to). */
  range(sol: Solution, r: number, from: number, to: number): void {
    const route = sol.routes[r] as Route;
    for (let p = from; p <= to; p++) this.push((route.order[p] as number) === RELOAD ? -1 : r, p);
  }

  reversed(sol: Solution, r: number, from: number, to: number): void {
    const route = sol.routes[r] as Route;
    for (let p = to; p >= from; p--) this.push((route.order[p] as number) === RELOAD ? -1 : r, p);
  }
}
