/** The server accepts spreadsheets up to 10 MB (about 14 MB once base64-encoded). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

const CHUNK = 0x8000;

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

/** Reads a picked file into the base64 text the upload procedures take. */
export async function readFileAsBase64(file: Blob): Promise<string> {
  return bytesToBase64(new Uint8Array(await file.arrayBuffer()));
}
