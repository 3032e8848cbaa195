import { DEFAULT_RENDER_OPTIONS, type RenderOptions } from "../render/render-site.js";

export interface RenderCommand {
  readonly siteConfig: string;
  /** Kubernetes manifests go here. */
  readonly out: string;
  /** The panel-engine and bridge files, for docker compose or plain processes, go here when given. */
  readonly configsOut: string | undefined;
  /** Compare with what is in the folders instead of writing; exit 1 on any difference. */
  readonly check: boolean;
  readonly options: RenderOptions;
}

export const USAGE = `usage: sce-k8s render --site-config <site.json> --out <dir> [--configs-out <dir>] [--check]
                      [--image-prefix smart-charge/] [--image-tag 0.1.0]
                      [--mqtt-url mqtt://sce-mqtt-broker:1883] [--redis-url redis://sce-redis:6379]`;

const FLAGS = {
  "--site-config": "siteConfig",
  "--out": "out",
  "--configs-out": "configsOut",
  "--image-prefix": "imagePrefix",
  "--image-tag": "imageTag",
  "--mqtt-url": "mqttUrl",
  "--redis-url": "redisUrl",
} as const;

/** Reads `render ...` arguments; throws an error that names the wrong or missing argument. */
export function parseArguments(argv: readonly string[]): RenderCommand {
  const [command, ...rest] = argv;
  if (command !== "render") throw new Error(`unknown command ${command ?? "(none)"}`);
  const values: Partial<Record<(typeof FLAGS)[keyof typeof FLAGS], string>> = {};
  let check = false;
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i] ?? "";
    if (flag === "--check") {
      check = true;
      continue;
    }
    const key = FLAGS[flag as keyof typeof FLAGS] as (typeof FLAGS)[keyof typeof FLAGS] | undefined;
    const value = rest[i + 1];
    if (key === undefined) throw new Error(`unknown argument ${flag}`);
    if (value === undefined || value.startsWith("--")) throw new Error(`${flag} needs a value`);
    values[key] = value;
    i++;
  }
  if (values.siteConfig === undefined) throw new Error("--site-config is required");
  if (values.out === undefined) throw new Error("--out is required");
  return {
    siteConfig: values.siteConfig,
    out: values.out,
    configsOut: values.configsOut,
    check,
    options: {
      imagePrefix: values.imagePrefix ?? DEFAULT_RENDER_OPTIONS.imagePrefix,
      imageTag: values.imageTag ?? DEFAULT_RENDER_OPTIONS.imageTag,
      mqttUrl: values.mqttUrl ?? DEFAULT_RENDER_OPTIONS.mqttUrl,
      redisUrl: values.redisUrl ?? DEFAULT_RENDER_OPTIONS.redisUrl,
    },
  };
}
