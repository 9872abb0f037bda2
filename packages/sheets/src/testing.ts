import { strToU8, zipSync } from "fflate";

/**
 * An .xlsx-shaped zip whose sheet inflates to `megabytes` MB of repeated rows, made on the spot (a zip bomb:
 * 150 MB packs into under half a megabyte).
 */
export function zipBomb(megabytes: number): Uint8Array {
  const row = strToU8('<row><c t="inlineStr"><is><t>x</t></is></c></row>');
  const xml = new Uint8Array(megabytes * 1024 * 1024);
  for (let at = 0; at + row.length <= xml.length; at += row.length) xml.set(row, at);
  return zipSync({
    "[Content_Types].xml": strToU8("<Types/>"),
    "xl/worksheets/sheet1.xml": [xml, { level: 9 }],
  });
}
