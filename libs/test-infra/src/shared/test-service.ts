/** Where a test service came from: what a failing CI log needs to tell "wrong URL" from "no Docker". */
export type ServiceSource = "env" | "local" | "container" | "embedded";

/** A Redis or MQTT broker a test may use; stop() releases only what the helper itself started. */
export interface TestService<Source extends ServiceSource = ServiceSource> {
  url: string;
  source: Source;
  stop(): Promise<void>;
}

/** A started container (or anything else with a URL) that must be stopped once nobody uses it. */
export interface StartedService {
  url: string;
  stop(): Promise<void>;
}

export type Env = Readonly<Record<string, string | undefined>>;
