const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function base64ToBytes(contentBase64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(contentBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Saves a file the API sent as `{ fileName, contentBase64 }` through the browser's download. */
export function downloadBase64File(file: { fileName: string; contentBase64: string }): void {
  const type = file.fileName.toLowerCase().endsWith(".xlsx") ? XLSX_MIME : "application/octet-stream";
  const url = URL.createObjectURL(new Blob([base64ToBytes(file.contentBase64)], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = file.fileName;
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the object URL goes away.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
