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
  "sheets.error.notSpreadsheet": {
    zh: "文件不是 Excel 表格，请使用下载的 .xlsx 模板",
    en: "The file is not an Excel spreadsheet; please use the downloaded .xlsx template",
  },
  "sheets.error.inflatedOverCap": {
    zh: "文件解压后超过上限 {cap}，请删除无关的工作表或分批导入",
    en: "The file is larger than {cap} once unpacked; remove unrelated sheets or import in batches",
  },
  "sheets.error.inflatedSize": {
    zh: "文件解压后约 {size} MB，超过上限 {cap}，请删除无关的工作表或分批导入",
    en: "The file is about {size} MB once unpacked, above the limit of {cap}; remove unrelated sheets or import in batches",
  },
  "sheets.error.compressionRatio": {
    zh: "文件中的“{entry}”压缩比异常（{ratio}:1），不是正常的 Excel 文件",
    en: "“{entry}” in the file has an abnormal compression ratio ({ratio}:1); this is not a normal Excel file",
  },
  "sheets.error.tooManyRows": {
    zh: "文件共 {rows} 行，超过单次导入上限 {max} 行，请分批导入",
    en: "The file has {rows} rows, above the limit of {max} rows per import; please import in batches",
  },
  "sheets.error.readTimeout": {
    zh: "读取文件超过 {seconds} 秒仍未完成，请减少行数或分批导入",
    en: "Reading the file took more than {seconds} seconds; reduce the rows or import in batches",
  },
  "sheets.error.noSheet": { zh: "Excel 文件中没有工作表", en: "The Excel file has no worksheet" },
  "sheets.error.unreadable": {
    zh: "无法读取该 Excel 文件，文件可能已损坏",
    en: "The Excel file cannot be read; it may be damaged",
  },
  "sheets.error.missingColumn": { zh: "缺少必需的列“{column}”", en: "Required column “{column}” is missing" },
  "sheets.error.emptyCell": { zh: "“{column}”不能为空", en: "“{column}” cannot be empty" },
  "sheets.error.noRows": { zh: "表格中没有数据行", en: "The sheet has no data rows" },
  "sheets.error.cellTooLong": {
    zh: "内容过长（最多 {max} 个字符）",
    en: "Too long (at most {max} characters)",
  },
  "sheets.error.notInteger": {
    zh: "{label}应为整数，实际为“{value}”",
    en: "{label} must be a whole number, found “{value}”",
  },
  "sheets.error.notWholeNumber": {
    zh: "{label}应为整数，实际为 {value}",
    en: "{label} must be a whole number, found {value}",
  },
  "sheets.error.belowMin": {
    zh: "{label}不能小于 {min}，实际为 {value}",
    en: "{label} cannot be less than {min}, found {value}",
  },
  "sheets.error.aboveMax": {
    zh: "{label}不能大于 {max}，实际为 {value}",
    en: "{label} cannot be greater than {max}, found {value}",
  },
  "sheets.error.notNumber": {
    zh: "{label}应为数字，实际为“{value}”",
    en: "{label} must be a number, found “{value}”",
  },
  "sheets.error.outOfRange": {
    zh: "{label}应在 {min}–{max} 之间，实际为 {value}",
    en: "{label} must be between {min} and {max}, found {value}",
  },
  "sheets.error.notDate": {
    zh: "{label}应为日期（如 2026-03-01），实际为“{value}”",
    en: "{label} must be a date (such as 2026-03-01), found “{value}”",
  },
  "sheets.error.notOneOf": {
    zh: "{label}应为 {expected} 之一，实际为“{value}”",
    en: "{label} must be one of {expected}, found “{value}”",
  },
  "sheets.error.duplicateRow": {
    zh: "与第 {first} 行重复（{place}）",
    en: "Duplicates row {first} ({place})",
  },
  "sheets.error.emptyFile": { zh: "文件为空", en: "The file is empty" },
  "sheets.error.fileTooLarge": { zh: "文件过大（最大 10 MB）", en: "The file is too large (at most 10 MB)" },
  "sheets.error.badEncoding": { zh: "文件内容编码无效", en: "The file's content is not validly encoded" },
} as const satisfies Record<string, Phrase>;
