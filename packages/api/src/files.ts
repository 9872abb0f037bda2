import type { FileDownload } from "@relief/core";

/** Files travel as base64 inside JSON, so every download and upload goes through the same role checks. */
export function toDownload(file: FileDownload): { fileName: string; contentBase64: string } {
  return { fileName: file.fileName, contentBase64: Buffer.from(file.content).toString("base64") };
}

export function fromBase64(contentBase64: string): Uint8Array {
  return new Uint8Array(Buffer.from(contentBase64, "base64"));
}
