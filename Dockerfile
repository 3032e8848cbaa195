# syntax=docker/dockerfile:1
#
# One Dockerfile, one target per service, so the three images share a single cached `npm ci` + build
# context and one Node version:
#
#   docker build --target panel-engine -t smart-charge/panel-engine .
#   docker build --target site-master  -t smart-charge/site-master  .
#   docker build --target ocpp-bridge  -t smart-charge/ocpp-bridge  .
#
# Each runtime image holds only the production dependencies of its service and the compiled dist/ of the
# service and of the workspace libraries it imports, runs as the unprivileged `node` user and checks its
# own /healthz with Node (there is no curl in the slim image). tools/deploy's tests check that every path
# below exists after `npm run build` and that each image copies exactly its service's workspace libraries.

# Node 26 is the Active LTS line (since 2026-10); its Debian images are based on Debian 13 (trixie).
# Override with --build-arg NODE_IMAGE=node:26-trixie-slim@sha256:... to pin a digest.
ARG NODE_IMAGE=node:26-trixie-slim

# ---------------------------------------------------------------------------------------------- build
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV CI=true TURBO_TELEMETRY_DISABLED=1
COPY . .
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund

FROM build AS panel-engine-build
RUN npx turbo run build --filter=@smart-charge/panel-engine...

FROM build AS site-master-build
RUN npx turbo run build --filter=@smart-charge/site-master...

FROM build AS ocpp-bridge-build
RUN npx turbo run build --filter=@smart-charge/ocpp-bridge...

# ------------------------------------------------------------------ production dependencies per service
# Only the manifests of the service and its workspace libraries: npm ci then installs their production
# dependencies and nothing of the test tooling or the other services.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./

FROM deps AS panel-engine-deps
COPY libs/allocation/package.json libs/allocation/
COPY libs/contracts/package.json libs/contracts/
COPY libs/ocpp-builders/package.json libs/ocpp-builders/
COPY libs/service-kit/package.json libs/service-kit/
COPY libs/site-config/package.json libs/site-config/
COPY services/panel-engine/package.json services/panel-engine/
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --no-audit --no-fund

FROM deps AS site-master-deps
COPY libs/allocation/package.json libs/allocation/
COPY libs/contracts/package.json libs/contracts/
COPY libs/service-kit/package.json libs/service-kit/
COPY libs/site-config/package.json libs/site-config/
COPY services/site-master/package.json services/site-master/
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --no-audit --no-fund

FROM deps AS ocpp-bridge-deps
COPY libs/allocation/package.json libs/allocation/
COPY libs/contracts/package.json libs/contracts/
COPY libs/ocpp-builders/package.json libs/ocpp-builders/
COPY libs/service-kit/package.json libs/service-kit/
COPY libs/site-config/package.json libs/site-config/
COPY services/ocpp-bridge/package.json services/ocpp-bridge/
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --no-audit --no-fund

# ------------------------------------------------------------------------------------------- runtime
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production
COPY deploy/docker/healthcheck.mjs /opt/sce/healthcheck.mjs
RUN mkdir -p /etc/sce
USER node

FROM runtime AS panel-engine
COPY --from=panel-engine-deps /app ./
COPY --from=panel-engine-build /app/libs/allocation/dist libs/allocation/dist
COPY --from=panel-engine-build /app/libs/contracts/dist libs/contracts/dist
COPY --from=panel-engine-build /app/libs/ocpp-builders/dist libs/ocpp-builders/dist
COPY --from=panel-engine-build /app/libs/service-kit/dist libs/service-kit/dist
COPY --from=panel-engine-build /app/libs/site-config/dist libs/site-config/dist
COPY --from=panel-engine-build /app/services/panel-engine/dist services/panel-engine/dist
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "/opt/sce/healthcheck.mjs", "/healthz", "8080"]
CMD ["node", "services/panel-engine/dist/main.js", "--config", "/etc/sce/panel-engine.json"]

FROM runtime AS site-master
COPY --from=site-master-deps /app ./
COPY --from=site-master-build /app/libs/allocation/dist libs/allocation/dist
COPY --from=site-master-build /app/libs/contracts/dist libs/contracts/dist
COPY --from=site-master-build /app/libs/service-kit/dist libs/service-kit/dist
COPY --from=site-master-build /app/libs/site-config/dist libs/site-config/dist
COPY --from=site-master-build /app/services/site-master/dist services/site-master/dist
EXPOSE 8090
HEALTHCHECK --interval=10s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "/opt/sce/healthcheck.mjs", "/healthz", "8090"]
CMD ["node", "services/site-master/dist/main.js", "--config", "/etc/sce/site.json"]

FROM runtime AS ocpp-bridge
COPY --from=ocpp-bridge-deps /app ./
COPY --from=ocpp-bridge-build /app/libs/allocation/dist libs/allocation/dist
COPY --from=ocpp-bridge-build /app/libs/contracts/dist libs/contracts/dist
COPY --from=ocpp-bridge-build /app/libs/ocpp-builders/dist libs/ocpp-builders/dist
COPY --from=ocpp-bridge-build /app/libs/service-kit/dist libs/service-kit/dist
COPY --from=ocpp-bridge-build /app/libs/site-config/dist libs/site-config/dist
COPY --from=ocpp-bridge-build /app/services/ocpp-bridge/dist services/ocpp-bridge/dist
EXPOSE 9000 8081
HEALTHCHECK --interval=10s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "/opt/sce/healthcheck.mjs", "/healthz", "8081"]
CMD ["node", "services/ocpp-bridge/dist/main.js", "--config", "/etc/sce/ocpp-bridge.json"]
