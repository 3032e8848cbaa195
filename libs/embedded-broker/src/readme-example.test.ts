import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";

/** The README's example is this test's body, so the documentation cannot drift from the behaviour. */
test("README example: a broker of its own", async () => {
  // #region example
  const { startEmbeddedBroker } = await import("@smart-charge/embedded-broker");
  const { connectAsync } = await import("mqtt");

  const broker = await startEmbeddedBroker(); // a free port on 127.0.0.1
  const client = await connectAsync(broker.url);
  await client.subscribeAsync("demo/+/status", { qos: 1 });
  const received = new Promise<string>((resolve) => {
    client.once("message", (_topic, payload) => resolve(payload.toString()));
  });
  await client.publishAsync("demo/p1/status", "online", { qos: 1 });
  expect(await received).toBe("online");

  await client.endAsync();
  await broker.close(); // disconnects every client and frees the port
  // #endregion
});

test("the README shows the example above verbatim", () => {
  const source = readFileSync(join(import.meta.dirname, "readme-example.test.ts"), "utf8");
  const region = /\/\/ #region example\n([\s\S]*?)\n\s*\/\/ #endregion/.exec(source)?.[1] ?? "";
  const snippet = region.replace(/^ {2}/gm, "");
  const readme = readFileSync(join(import.meta.dirname, "..", "README.md"), "utf8");
  expect(snippet.length).toBeGreaterThan(100);
  expect(readme).toContain(snippet);
});
