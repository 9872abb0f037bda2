import type { Phrase } from "./define";

/** Words and sentences shared by every domain: field checks, limits, generic failures. */
export const commonMessages = {
  "common.error.unauthorized": { zh: "请先登录", en: "Please sign in first" },
  "common.error.forbidden": {
    zh: "当前角色无权执行此操作",
    en: "Your role is not allowed to do this",
  },
  "common.error.invalidInput": { zh: "输入有误", en: "Invalid input" },
  "common.error.inputIssues": { zh: "输入有误：{issues}", en: "Invalid input: {issues}" },
  "common.error.fieldIssue": { zh: "{field}：{message}", en: "{field}: {message}" },
  "common.error.invalidValue": { zh: "值无效", en: "Invalid value" },
  "common.error.internal": {
    zh: "服务器内部错误，请稍后重试；如仍失败，请将编号 {incident} 告知系统管理员",
    en: "Internal server error, please try again later; if it keeps failing, give the administrator the reference {incident}",
  },
  "common.error.badRequest": { zh: "请求格式错误", en: "Malformed request" },
  "common.error.noSuchProcedure": { zh: "请求的接口不存在", en: "No such endpoint" },
  "common.error.methodNotSupported": { zh: "请求方法不受支持", en: "Request method not supported" },
  "common.error.payloadTooLarge": { zh: "请求内容过大", en: "Request too large" },
  "common.error.jsonOnly": {
    zh: "请求格式错误：只接受 application/json",
    en: "Malformed request: only application/json is accepted",
  },
  "common.error.timeout": { zh: "请求超时，请稍后重试", en: "The request timed out, please try again" },
  "common.error.cancelled": { zh: "请求已取消", en: "Request cancelled" },
  "common.error.failed": { zh: "请求失败", en: "Request failed" },
  "common.error.nonFiniteNumber": {
    zh: "请求格式错误：数值超出范围（不接受无穷大或非数字）",
    en: "Malformed request: a number is out of range (infinity and NaN are not accepted)",
  },
  "common.error.tooDeep": {
    zh: "请求格式错误：嵌套层级超过 {max} 层",
    en: "Malformed request: nested deeper than {max} levels",
  },
  "common.error.invalidJson": {
    zh: "请求格式错误：不是有效的 JSON",
    en: "Malformed request: not valid JSON",
  },
  "common.error.crossSite": { zh: "拒绝跨站请求", en: "Cross-site request refused" },
  "common.error.batchTooLarge": {
    zh: "请求格式错误：一次批量请求最多 {max} 个调用",
    en: "Malformed request: at most {max} calls per batch",
  },
  "common.error.loginNotBatched": {
    zh: "请求格式错误：登录请求不能批量发送",
    en: "Malformed request: a sign-in cannot be sent in a batch",
  },
  "common.error.uploadTooLarge": {
    zh: "请求内容过大（上传文件最大 10 MB）",
    en: "Request too large (uploaded files are at most 10 MB)",
  },

  // Where a problem sits, wrapping another message.
  "common.error.onLine": { zh: "第 {line} 行{message}", en: "Line {line}: {message}" },
  "common.error.onLineColon": { zh: "第 {line} 行：{message}", en: "Line {line}: {message}" },

  // Field checks shared by every form and schema; `{field}` is a field label (`common.field.*` or a domain's own).
  "common.field.quantity": { zh: "数量", en: "Quantity" },
  "common.field.from": { zh: "开始时间", en: "Start time" },
  "common.field.to": { zh: "结束时间", en: "End time" },
  "common.field.search": { zh: "搜索内容", en: "Search text" },
  "common.error.notInteger": { zh: "{field}应为整数", en: "{field} must be a whole number" },
  "common.error.mustBePositive": { zh: "{field}应大于 0", en: "{field} must be greater than 0" },
  "common.error.notNegative": { zh: "{field}不能为负数", en: "{field} cannot be negative" },
  "common.error.notZero": { zh: "{field}不能为 0", en: "{field} cannot be 0" },
  "common.error.overLineCeiling": {
    zh: "{field}超过单行上限 {max}",
    en: "{field} exceeds the limit of {max} for one line",
  },
  "common.error.convertedOverLineCeiling": {
    zh: "{field}折合 {quantity} {unit}，超过单行上限 {max} {unit}",
    en: "{field} comes to {quantity} {unit}, above the limit of {max} {unit} for one line",
  },
  "common.error.quantityOverLineCeiling": {
    zh: "{field} {quantity} {unit}，超过单行上限 {max} {unit}",
    en: "{field} {quantity} {unit} exceeds the limit of {max} {unit} for one line",
  },
  "common.error.unknownUnit": {
    zh: "“{item}”没有单位“{unit}”（可用：{known}）",
    en: "“{item}” has no unit “{unit}” (available: {known})",
  },
  "common.error.dateFormat": {
    zh: "{field}应为 YYYY-MM-DD 格式的日期",
    en: "{field} must be a date written YYYY-MM-DD",
  },
  "common.error.instantFormat": { zh: "{field}格式无效", en: "{field} is not a valid date and time" },
  "common.error.dateBefore": { zh: "{field}不能早于 {date}", en: "{field} cannot be before {date}" },
  "common.error.dateAfter": { zh: "{field}不能晚于 {date}", en: "{field} cannot be after {date}" },
  "common.error.dateAfterToday": {
    zh: "{field}不能晚于今天（{today}）",
    en: "{field} cannot be after today ({today})",
  },
  "common.error.dateTooFarAhead": {
    zh: "{field}不能晚于 {date}（{years} 年以后）",
    en: "{field} cannot be after {date} ({years} years ahead)",
  },
  "common.error.tooLong": { zh: "最多 {max} 个字符", en: "At most {max} characters" },
  "common.error.fieldTooLong": { zh: "{field}最多 {max} 个字符", en: "{field}: at most {max} characters" },
  "common.error.required": { zh: "请填写{field}", en: "Please fill in {field}" },
  "common.error.choose": { zh: "请选择{field}", en: "Please choose {field}" },
  "common.error.invalidChoice": { zh: "{field}无效", en: "{field} is not valid" },
  "common.error.atLeastOneLine": { zh: "至少需要一行", en: "At least one line is needed" },
  "common.error.tooManyLines": { zh: "一张单据最多 {max} 行", en: "At most {max} lines per document" },
  "common.nameList": { zh: "{names}、{name}", en: "{names}, {name}" },
  "common.nameWithCode": { zh: "{name}（{code}）", en: "{name} ({code})" },
  "common.error.list": { zh: "{items}", en: "{items}" },
  "common.error.several": { zh: "{first}（共 {count} 处问题）", en: "{first} ({count} problems in all)" },
  "common.error.pageInteger": { zh: "页码应为整数", en: "The page number must be a whole number" },
  "common.error.pageFromOne": { zh: "页码从 1 开始", en: "Pages start at 1" },
  "common.error.pageSizeInteger": { zh: "每页行数应为整数", en: "The rows per page must be a whole number" },
  "common.error.pageSizeAtLeastOne": { zh: "每页至少 1 行", en: "A page has at least 1 row" },
  "common.error.pageSizeAtMost": { zh: "每页最多 {max} 行", en: "A page has at most {max} rows" },
  "common.error.sortColumn": {
    zh: "排序列应为 {columns} 之一",
    en: "The sort column must be one of {columns}",
  },
  "common.error.sortOrder": { zh: "排序方向应为 asc 或 desc", en: "The sort order must be asc or desc" },
} as const satisfies Record<string, Phrase>;
