import { mqttBrokerForTests, type BrokerKind, type TestBroker } from "@smart-charge/test-infra";
import { afterAll, afterEach, beforeAll } from "vitest";
import { SiteMasterDouble } from "./site-master-double.js";

/**
 * One broker for a describe block and a fresh site-master double per test (closed after it, clearing what
 * it retained). Call inside `describe`.
 */
export function brokerWithSiteMaster(kind: BrokerKind) {
  let broker: TestBroker | undefined;
  let siteMaster: SiteMasterDouble | undefined;
  beforeAll(async () => {
    broker = await mqttBrokerForTests(kind);
  });
  afterEach(async () => {
    await siteMaster?.close();
    siteMaster = undefined;
  });
  afterAll(async () => {
    await broker?.stop();
  });
  const url = (): string => {
    if (broker === undefined) throw new Error("the broker is not started yet");
    return broker.url;
  };
  return {
    url,
    startSiteMaster: async (
      site: string,
      panels: readonly string[],
      mqtt5 = false,
    ): Promise<SiteMasterDouble> => {
      siteMaster = await SiteMasterDouble.start(url(), site, panels, mqtt5);
      return siteMaster;
    },
  };
}
