import type { Phrase } from "./define";

/** Accounts, sign-in and passwords. */
export const usersMessages = {
  // How refusals name the person acting.
  "users.rolePerson.admin": { zh: "管理员", en: "an administrator" },
  "users.rolePerson.civil_affairs": { zh: "民政人员", en: "civil affairs staff" },
  "users.rolePerson.commerce": { zh: "商务人员", en: "commerce staff" },
  "users.rolePerson.dispatcher": { zh: "调度人员", en: "a dispatcher" },
  "users.rolePerson.leader": { zh: "领导", en: "a leader" },
  "users.rolePerson.enterprise": { zh: "企业用户", en: "an enterprise user" },
  "users.field.enterprise": { zh: "所属企业", en: "the enterprise" },
  "users.error.enterpriseRequired": {
    zh: "企业用户必须绑定一家合作企业",
    en: "An enterprise user must be bound to one partner enterprise",
  },
  "users.error.enterpriseOnlyForEnterpriseRole": {
    zh: "只有企业用户才绑定企业，{role}账号不能绑定",
    en: "Only enterprise users are bound to an enterprise; an account of {role} cannot be",
  },
  "users.error.enterpriseNotFound": { zh: "企业 #{id} 不存在", en: "Enterprise #{id} does not exist" },
  "users.error.commerceManagesEnterpriseUsers": {
    zh: "商务人员只能创建和管理企业用户",
    en: "Commerce staff create and manage enterprise users only",
  },

  "users.error.notFound": { zh: "用户 #{id} 不存在", en: "User #{id} does not exist" },
  "users.error.lastAdmin": {
    zh: "系统至少需要保留一名启用的管理员",
    en: "The system needs at least one active administrator",
  },
  "users.error.usernameTaken": { zh: "用户名“{username}”已存在", en: "The user name “{username}” is taken" },

  "users.error.badCredentials": { zh: "用户名或密码错误", en: "Wrong user name or password" },
  "users.error.inactive": {
    zh: "该账号已停用，请联系管理员",
    en: "This account is disabled; please contact the administrator",
  },
  "users.error.throttled": {
    zh: "登录尝试过于频繁，请 {wait}后再试",
    en: "Too many sign-in attempts; please try again in {wait}",
  },
  "users.wait.seconds": { zh: "{count} 秒", en: "{count} seconds" },
  "users.wait.minutes": { zh: "{count} 分钟", en: "{count} minutes" },
  "users.wait.hours": { zh: "{count} 小时", en: "{count} hours" },
  "users.error.wrongCurrentPassword": { zh: "当前密码不正确", en: "The current password is wrong" },
  "users.error.passwordIsUsername": {
    zh: "密码不能与用户名相同",
    en: "The password cannot be the same as the user name",
  },
  "users.error.passwordTooLong": { zh: "密码最多 {max} 位", en: "The password has at most {max} characters" },
  "users.error.passwordTooShort": {
    zh: "密码至少 {min} 位",
    en: "The password needs at least {min} characters",
  },
  "users.error.passwordBlank": {
    zh: "密码不能全是空白字符",
    en: "The password cannot be only blank characters",
  },
  "users.error.passwordRepeated": {
    zh: "密码不能由同一个字符重复组成",
    en: "The password cannot be one character repeated",
  },
  "users.error.passwordCommon": {
    zh: "密码过于常见，容易被猜中，请换一个",
    en: "The password is too common and easy to guess; please choose another",
  },
  "users.error.enterUsername": { zh: "请输入用户名", en: "Please enter the user name" },
  "users.error.enterPassword": { zh: "请输入密码", en: "Please enter the password" },
  "users.error.enterCurrentPassword": { zh: "请输入当前密码", en: "Please enter the current password" },
  "users.error.usernameFormat": {
    zh: "用户名须为 3–32 位小写字母、数字或 _ . -，以字母开头",
    en: "The user name is 3–32 lower-case letters, digits or _ . -, starting with a letter",
  },
  "users.error.enterName": { zh: "请输入姓名", en: "Please enter the name" },
  "users.error.invalidRole": { zh: "角色无效", en: "The role is not valid" },
} as const satisfies Record<string, Phrase>;
