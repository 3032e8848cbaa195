import { renderTree, TerminalFrames, watchSite, type SiteViewState } from "@smart-charge/cli";
import type { SessionEvent } from "@smart-charge/contracts";
import mqtt from "mqtt";

export interface LiveViewOptions {
  readonly mqttUrl: string;
  readonly recent: RecentCars;
  readonly site: string;
  readonly header: readonly string[];
  readonly out: NodeJS.WriteStream;
  readonly clock?: () => number;
}

/** The latest cars arriving and leaving, shown under the tree. */
export class RecentCars {
  readonly lines: string[] = [];

  constructor(
    private readonly clock: () => number = Date.now,
    private readonly keep = 6,
  ) {}

  add(event: SessionEvent): void {
    this.lines.push(describeEvent(event, this.clock()));
    if (this.lines.length > this.keep) this.lines.shift();
  }
}

/** A short line per car arriving or leaving, under the tree. */
export function describeEvent(event: SessionEvent, now: number): string {
  const time = new Date(now).toISOString().slice(11, 19);
  if (event.type === "started")
    return `${time}  ${event.chargerId}: a car arrives (${event.transactionId}, accepts ${event.maxEvAcceptancePowerKw ?? "?"} kW)`;
  if (event.type === "stopped") return `${time}  ${event.chargerId}: ${event.transactionId} leaves`;
  return `${time}  ${event.chargerId}: ${event.type}`;
}

/**
 * The terminal view of the running site, built from what any operator console sees: the retained panel
 * budgets and statuses on the broker (the same view as `sce tree --watch`), plus the latest car events.
 */
export class LiveView {
  private readonly frames: TerminalFrames;
  private latest: SiteViewState | undefined;
  private ticker: NodeJS.Timeout | undefined;
  private stopWatch: () => Promise<void> = async () => undefined;

  private constructor(
    private readonly options: LiveViewOptions,
    private readonly client: mqtt.MqttClient,
  ) {
    this.frames = new TerminalFrames(options.out, false);
  }

  static async start(options: LiveViewOptions): Promise<LiveView> {
    const client = await mqtt.connectAsync(options.mqttUrl, { clientId: `sce-view-${process.pid}` });
    const view = new LiveView(options, client);
    const watch = await watchSite({ client, site: options.site, onChange: (state) => view.update(state) });
    view.stopWatch = () => watch.stop();
    view.latest = watch.state;
    // A terminal redraws every second so ages move; a pipe gets a frame every 5 s.
    view.ticker = setInterval(() => view.draw(), options.out.isTTY ? 1_000 : 5_000);
    view.draw();
    return view;
  }

  private update(state: SiteViewState): void {
    this.latest = state;
    if (this.options.out.isTTY) this.frames.soon(() => this.draw());
  }

  private draw(): void {
    if (this.latest === undefined) return;
    const width = this.options.out.columns ?? 100;
    const now = (this.options.clock ?? Date.now)();
    this.frames.draw([
      ...this.options.header,
      "",
      ...renderTree(this.latest, { now, width }),
      "",
      "Recent cars:",
      ...(this.options.recent.lines.length === 0
        ? ["  (waiting for the first car)"]
        : this.options.recent.lines.map((line) => `  ${line}`)),
    ]);
  }

  async stop(): Promise<void> {
    clearInterval(this.ticker);
    this.frames.close();
    await this.stopWatch();
    await this.client.endAsync();
  }
}
