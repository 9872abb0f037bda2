import type { Phrase } from "./define";

/** Reading uploaded spreadsheets: file-level and cell-level problems, and import outcomes. */
export const sheetsMessages = {
  "sheets.error.readerBusy": {
    zh: "服务器正忙：同时导入的文件过多，请稍后再试",
    en: "The server is busy: too many files are being imported at once, please try again shortly",
  },
  "sheets.error.fileRejected": {
    zh: "文件“{file}”有 {count} 处错误，未导入任何数据",
    en: "The file “{file}” has {count} errors; nothing was imported",
  },
} as const satisfies Record<string, Phrase>;
