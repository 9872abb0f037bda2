export * from "./agreements";
export * from "./aid";
export * from "./count-sheet";
export * from "./coverage";
export * from "./declarations";
export * from "./dispatch-order";
export * from "./enterprises";
export * from "./incident-summary";
export { IMPORT_LIMITS } from "./limits";
export * from "./neighbours";
export * from "./population";
export * from "./purchases";
export { createSheetReader, SheetReaderBusyError } from "./reader/pool";
export * from "./receipts";
export * from "./reports";
export * from "./roads";
export {
  type CellResult,
  type ColumnSpec,
  cell,
  headersOf,
  isBlank,
  labelsAccepted,
  type ParsedTable,
  parseTable,
  type QuantityLimits,
} from "./table";
export { buildImportTemplate } from "./template";
export * from "./vehicles";
export { isSpreadsheet, readFirstSheet, type SheetIssue, writeWorkbook } from "./workbook";
