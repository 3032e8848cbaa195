import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const main = fileURLToPath(new URL("./main.ts", import.meta.url));

describe("npm start (the all-in-one site)", () => {
  it("shows the live site, says where its state is, and stops cleanly on Ctrl-C", async () => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env["REDIS_URL"];
    const child = spawn(
      process.execPath,
      ["--conditions=@smart-charge/source", "--import", "tsx", main, "--seed", "5"],
      { env, stdio: ["ignore", "pipe", "pipe"] },
    );
    let output = "";
    const shown = new Promise<void>((resolve) => {
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes("leader all-in-one")) resolve();
      });
    });
    let errors = "";
    child.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
    const exited = once(child, "exit");
    await Promise.race([shown, exited]);
    expect(errors).toBe("");
    expect(output).toContain("(embedded aedes)");
    expect(output).toContain("state in memory: set REDIS_URL to keep it in Redis");
    child.kill("SIGINT");
    const [code] = (await exited) as [number | null];
    expect(code).toBe(0);
    expect(output).toContain("Stopped cleanly (Ctrl-C)");
  });
});
