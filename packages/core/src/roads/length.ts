import { DETOUR_FACTOR, straightKm } from "@relief/domain";

/** Lengths are kept to 0.1 km: finer would claim a precision no estimate or odometer here has. */
export function roundKm(km: number): number {
  return Math.round(km * 10) / 10;
}

/**
 * A road's length where no surveyed figure exists: the straight line between its ends × DETOUR_FACTOR, never
 * under 0.1 km (two nodes placed on the same point still have a road between them).
 */
export function estimateKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  return Math.max(0.1, roundKm(straightKm(a, b) * DETOUR_FACTOR));
}

/**
 * A published total spread over a road's segments in proportion to their estimated lengths: the segments
 * whose length is known keep it, the rest share what remains of the total.
 */
export function apportionKm(total: number, known: number[], estimated: number[]): number[] {
  const rest = total - known.reduce((s, k) => s + k, 0);
  const base = estimated.reduce((s, k) => s + k, 0);
  if (rest <= 0 || base <= 0) return estimated;
  return estimated.map((km) => Math.max(0.1, roundKm((km * rest) / base)));
}
