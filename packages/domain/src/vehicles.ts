/**
 * The fleet register's rules that the form and the server share: how a plate is written and checked, and the
 * bounds of a vehicle's payload and volume.
 */

/** Province abbreviations of Chinese civil plates (GA 36-2018). */
const PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";
/** Plates never use I or O, which read as 1 and 0. */
const LETTER = "[A-HJ-NP-Z]";
const CHAR = "[A-HJ-NP-Z0-9]";
/**
 * 渝A12345 (ordinary: an issuing-office letter and five characters), 渝AD12345 (small new-energy: D or F, then
 * a character and four digits), 渝A12345D (large new-energy, as trucks are: five digits, then D or F).
 */
const PLATE = new RegExp(`^[${PROVINCES}]${LETTER}(${CHAR}{5}|[DF]${CHAR}\\d{4}|\\d{5}[DF])$`);

/** Plates as people know them (ordinary, small and large new-energy), for hints and refusals to show. */
export const PLATE_EXAMPLES = ["渝A12345", "渝AD12345", "渝A12345D"] as const;

/** A plate as stored: without spaces or the middle dot people type, letters in upper case. */
export function normalizePlate(plate: string): string {
  return plate.replace(/[\s·•.-]/g, "").toUpperCase();
}

/** Whether a normalized plate is a valid Chinese civil plate, new-energy plates included. */
export function isValidPlate(plate: string): boolean {
  return PLATE.test(plate);
}

/** Above any legal Chinese truck's payload (a 49 t articulated lorry carries about 35 t). */
export const MAX_VEHICLE_PAYLOAD_KG = 50_000;
/** Above the load space of a 17.5 m semi-trailer van (about 110 m³). */
export const MAX_VEHICLE_VOLUME_M3 = 150;
