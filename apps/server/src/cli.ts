import { existsSync, mkdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { CreateUserInput, createUser, DomainError, isDatabaseEmpty, seedBanan } from "@relief/core";
import { migrateDatabase, openDatabase, ROLES } from "@relief/db";
import { readSchemaMessage, zh } from "@relief/domain";

/** A schema message (carried as a key) in Chinese; zod's own text as it is. */
function schemaMessageText(text: string): string {
  const message = readSchemaMessage(text);
  return message ? zh(message) : text;
}

const DB_HELP = "  --db <path>          SQLite 数据库文件（默认取环境变量 RELIEF_DB，否则 ./data/relief.db）";

const COMMANDS: Record<string, { usage: string; run: (args: string[]) => Promise<void> }> = {
  migrate: {
    usage: `用法：pnpm relief migrate [--db <path>]\n\n对数据库执行全部未执行的迁移。\n\n${DB_HELP}`,
    async run(args) {
      const { values } = parseArgs({ args, options: { db: { type: "string" } } });
      await withDatabase(values.db, async (database) => migrateDatabase(database.db));
      console.log("迁移完成");
    },
  },
  seed: {
    usage: `用法：pnpm relief seed banan [--db <path>]\n\n向空数据库载入巴南区演示数据（23 个镇街及人口、五个演示账号）。\n数据库非空时拒绝执行。\n\n${DB_HELP}`,
    async run(args) {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: { db: { type: "string" } },
      });
      if (positionals[0] !== "banan" || positionals.length !== 1) throw new UsageError("seed 只支持 banan");
      await withDatabase(values.db, async (database) => {
        migrateDatabase(database.db);
        const result = await seedBanan({ ctx: { db: database.db, actor: null } });
        console.log(`已载入 ${result.areas} 个地区、${result.users} 个演示账号`);
      });
    },
  },
  "create-user": {
    usage: [
      "用法：pnpm relief create-user --username <name> --name <显示名> --role <role> (--password <pw> | --password-stdin) [--db <path>]",
      "",
      "新建用户账号；在 RELIEF_SEED=none 的新数据库上用它建立第一个管理员。",
      "",
      `  --role               ${ROLES.join(" | ")}`,
      "  --password-stdin     从标准输入读取密码（避免出现在命令历史中）",
      DB_HELP,
    ].join("\n"),
    async run(args) {
      const { values } = parseArgs({
        args,
        options: {
          db: { type: "string" },
          username: { type: "string" },
          name: { type: "string" },
          role: { type: "string" },
          password: { type: "string" },
          "password-stdin": { type: "boolean" },
        },
      });
      const password = values["password-stdin"] ? (await readStdin()).replace(/\r?\n$/, "") : values.password;
      const parsed = CreateUserInput.safeParse({
        username: values.username,
        displayName: values.name ?? values.username,
        role: values.role,
        password,
      });
      if (!parsed.success) {
        throw new UsageError(
          parsed.error.issues
            .map((i) => `--${String(i.path[0])}: ${schemaMessageText(i.message)}`)
            .join("\n"),
        );
      }
      await withDatabase(values.db, async (database) => {
        migrateDatabase(database.db);
        const user = await createUser({ ctx: { db: database.db, actor: null }, input: parsed.data });
        console.log(`已创建用户 ${user.username}（${user.role}），编号 ${user.id}`);
      });
    },
  },
  backup: {
    usage: `用法：pnpm relief backup <file> [--db <path>] [--force]\n\n在线备份：服务运行中也可执行，得到一致的数据库副本。\n\n  --force              覆盖已存在的文件\n${DB_HELP}`,
    async run(args) {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: { db: { type: "string" }, force: { type: "boolean" } },
      });
      const target = positionals[0];
      if (!target || positionals.length !== 1) throw new UsageError("请指定备份文件路径");
      if (existsSync(target) && !values.force)
        throw new UsageError(`文件已存在：${target}（使用 --force 覆盖）`);
      mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
      await withDatabase(values.db, async (database) => {
        if (isDatabaseEmpty(database.db)) console.warn("注意：数据库中没有数据");
        // VACUUM INTO copies one read snapshot in a single statement. SQLite's page-by-page backup restarts
        // whenever another process commits between its steps, so under a steady stream of postings it never ends.
        rmSync(target, { force: true });
        database.sqlite.prepare("VACUUM INTO ?").run(path.resolve(target));
        console.log(`已备份到 ${target}（${statSync(target).size.toLocaleString()} 字节）`);
      });
    },
  },
};

class UsageError extends Error {}

function databasePath(flag: string | undefined): string {
  return flag ?? process.env.RELIEF_DB ?? "./data/relief.db";
}

async function withDatabase<T>(
  flag: string | undefined,
  fn: (database: ReturnType<typeof openDatabase>) => Promise<T>,
): Promise<T> {
  const file = databasePath(flag);
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const database = openDatabase(file);
  try {
    return await fn(database);
  } finally {
    database.close();
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

const MAIN_USAGE = [
  "用法：pnpm relief <command> [options]",
  "",
  "命令：",
  "  migrate        执行数据库迁移",
  "  seed banan     向空数据库载入巴南区演示数据",
  "  create-user    新建用户（如第一个管理员）",
  "  backup <file>  在线备份数据库",
  "",
  "每个命令都支持 --help。",
].join("\n");

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    console.log(MAIN_USAGE);
    return name ? 0 : 1;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`未知命令：${name}\n\n${MAIN_USAGE}`);
    return 1;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    console.log(command.usage);
    return 0;
  }
  try {
    await command.run(rest);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) console.error(`${error.message}\n\n${command.usage}`);
    // parseArgs reports unknown or malformed options as a TypeError with an ERR_PARSE_ARGS_* code.
    else if (error instanceof DomainError || (error instanceof TypeError && "code" in error)) {
      console.error(error.message);
    } else throw error;
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
