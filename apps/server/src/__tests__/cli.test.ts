import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase } from "@relief/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../../../..");

function relief(args: string[], options: { input?: string; env?: Record<string, string> } = {}) {
  const result = spawnSync(path.join(ROOT, "node_modules/.bin/tsx"), ["apps/server/src/cli.ts", ...args], {
    cwd: ROOT,
    input: options.input,
    env: { ...process.env, ...options.env },
    encoding: "utf8",
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

// Each case starts the CLI as a process (tsx compiles on start): slow on a busy machine.
describe("relief CLI", { timeout: 120_000 }, () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "relief-cli-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("documents every command with --help", () => {
    for (const command of ["migrate", "seed", "create-user", "backup"]) {
      const { code, out } = relief([command, "--help"]);
      expect(code).toBe(0);
      expect(out).toContain(`pnpm relief ${command}`);
    }
    expect(relief(["frobnicate"])).toMatchObject({
      code: 1,
      err: expect.stringContaining("未知命令：frobnicate"),
    });
  });

  it("migrates, creates the first administrator from stdin, and rejects a weak password", () => {
    const db = path.join(dir, "empty.db");
    expect(relief(["migrate", "--db", db])).toMatchObject({ code: 0, out: "迁移完成\n" });
    const weak = relief([
      "create-user",
      "--db",
      db,
      "--username",
      "chief",
      "--role",
      "admin",
      "--password",
      "short",
    ]);
    expect(weak.code).toBe(1);
    expect(weak.err).toContain("--password: 密码至少 10 位");
    const created = relief(
      [
        "create-user",
        "--db",
        db,
        "--username",
        "chief",
        "--name",
        "局长",
        "--role",
        "admin",
        "--password-stdin",
      ],
      {
        input: "a-long-enough-secret\n",
      },
    );
    expect(created).toMatchObject({ code: 0 });
    expect(created.out).toContain("已创建用户 chief（admin）");
    expect(relief(["seed", "banan", "--db", db])).toMatchObject({
      code: 1,
      err: expect.stringContaining("数据库中已有数据，演示数据只能载入空数据库"),
    });
  });

  it("backs up a database that another connection is writing to, and refuses to overwrite", () => {
    const db = path.join(dir, "live.db");
    expect(relief(["seed", "banan", "--db", db]).code).toBe(0);
    const live = openDatabase(db);
    live.sqlite.prepare("UPDATE areas SET population = population + 1 WHERE level = 'township'").run();
    const target = path.join(dir, "backups", "copy.db");
    const backup = relief(["backup", target, "--db", db]);
    live.close();
    expect(backup.code).toBe(0);
    const copy = openDatabase(target);
    const areas = copy.sqlite
      .prepare("SELECT COUNT(*) AS n, SUM(population) AS p FROM areas WHERE level = 'township'")
      .get();
    copy.close();
    expect(areas).toEqual({ n: 23, p: 1_178_856 + 23 });
    expect(relief(["backup", target, "--db", db])).toMatchObject({
      code: 1,
      err: expect.stringContaining("文件已存在"),
    });
  });
});
