import type { Phrase } from "./define";

/** Partner enterprises, their credit codes and credit records. */
export const enterprisesMessages = {
  // Credit events and the terms of the credit score, keyed by the codes in ../agreements.ts.
  "enterprises.creditEvent.failed_delivery": { zh: "未能交付", en: "Failed delivery" },
  "enterprises.creditEvent.refused_inspection": { zh: "拒绝核查", en: "Refused inspection" },
  "enterprises.creditEvent.false_declaration": { zh: "虚报库存", en: "False declaration" },
  "enterprises.creditEvent.commendation": { zh: "表扬", en: "Commendation" },
  "enterprises.grade.unrated": { zh: "未评级", en: "Not yet rated" },
  "enterprises.creditTerm.onTimeRate": { zh: "按时交付率", en: "On-time delivery rate" },
  "enterprises.creditTerm.fillRate": { zh: "交付满足率", en: "Fill rate" },
  "enterprises.creditTerm.discrepancies": { zh: "核查差异", en: "Inspection discrepancies" },
  "enterprises.creditTerm.failed_delivery": { zh: "未能交付", en: "Failed deliveries" },
  "enterprises.creditTerm.refused_inspection": { zh: "拒绝核查", en: "Refused inspections" },
  "enterprises.creditTerm.false_declaration": { zh: "虚报库存", en: "False declarations" },
  "enterprises.creditTerm.commendation": { zh: "表扬", en: "Commendations" },

  // Field labels named inside messages.
  "enterprises.field.name": { zh: "企业名称", en: "the enterprise name" },
  "enterprises.field.kind": { zh: "企业类型", en: "Enterprise kind" },
  "enterprises.field.township": { zh: "所在镇街", en: "Township" },
  "enterprises.field.contactName": { zh: "联系人姓名", en: "the contact's name" },
  "enterprises.field.occurredOn": { zh: "发生日期", en: "Date of the event" },
  "enterprises.field.eventKind": { zh: "事件类型", en: "Event kind" },

  "enterprises.error.notFound": { zh: "企业 #{id} 不存在", en: "Enterprise #{id} does not exist" },
  "enterprises.error.creditEventNotFound": {
    zh: "信用记录 #{id} 不存在",
    en: "Credit event #{id} does not exist",
  },
  "enterprises.error.phone": {
    zh: "请填写 11 位手机号或带区号的固定电话",
    en: "Enter an 11-digit mobile number or a landline with its area code",
  },
  "enterprises.error.eventNoteRequired": { zh: "请写明事件经过", en: "Describe what happened" },
  "enterprises.error.creditCodeTaken": {
    zh: "统一社会信用代码 {code} 已登记为“{enterprise}”",
    en: "The unified social credit code {code} is already registered as “{enterprise}”",
  },
  "enterprises.error.registeredAs": {
    zh: "已登记为“{enterprise}”",
    en: "Already registered as “{enterprise}”",
  },
  "enterprises.error.chooseTownship": { zh: "请选择街道或镇", en: "Choose a subdistrict or town" },
  "enterprises.error.creditCodeLength": {
    zh: "统一社会信用代码应为 18 位，实际为 {length} 位",
    en: "A unified social credit code has 18 characters, this one has {length}",
  },
  "enterprises.error.creditCodeCharacter": {
    zh: "统一社会信用代码第 {position} 位“{character}”无效（只用数字和除 I、O、Z、S、V 以外的大写字母）",
    en: "Character {position} of the unified social credit code, “{character}”, is not valid (only digits and capitals other than I, O, Z, S, V)",
  },
  "enterprises.error.creditCodeCheck": {
    zh: "统一社会信用代码校验位错误：第 18 位应为“{expected}”，实际为“{actual}”",
    en: "Wrong check character in the unified social credit code: the 18th should be “{expected}”, not “{actual}”",
  },

  // Spreadsheets.
  "enterprises.file.template": { zh: "合作企业导入模板.xlsx", en: "enterprise-import-template.xlsx" },
  "enterprises.file.export": { zh: "合作企业_{date}.xlsx", en: "enterprises_{date}.xlsx" },
  "enterprises.error.duplicateRow": { zh: "与第 {row} 行重复", en: "Duplicates row {row}" },
  "enterprises.error.townshipUnknown": {
    zh: "没有名为“{township}”的街道或镇",
    en: "No subdistrict or town is named “{township}”",
  },
  "enterprises.error.contactNeedsPhone": {
    zh: "填写联系人时须填写联系电话",
    en: "A contact needs a phone number",
  },
  "enterprises.error.phoneNeedsContact": {
    zh: "填写联系电话时须填写联系人",
    en: "A phone number needs a contact",
  },
} as const satisfies Record<string, Phrase>;
