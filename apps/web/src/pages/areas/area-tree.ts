import type { AreaItem } from "../../lib/api-types";

export interface AreaNode extends AreaItem {
  children?: AreaNode[];
}

/** District → townships → villages, in register order; leaves carry no `children` so no expander shows. */
export function buildAreaTree(areas: readonly AreaItem[]): AreaNode[] {
  const nodes = new Map<number, AreaNode>(areas.map((a) => [a.id, { ...a }]));
  const roots: AreaNode[] = [];
  for (const area of areas) {
    const node = nodes.get(area.id);
    if (!node) continue;
    const parent = area.parentId === null ? undefined : nodes.get(area.parentId);
    if (parent) {
      parent.children ??= [];
      parent.children.push(node);
    } else roots.push(node);
  }
  return roots;
}
