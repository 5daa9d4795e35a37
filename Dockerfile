# Every service of the distributed deployment (docker-compose.yml) from one Dockerfile: the build
# argument SERVICE names the directory under services/ (identity, mailbox, tracking, notifications, hotline, polls, calendar, web).
# Build from the repository root:
#   docker build --build-arg SERVICE=tracking --build-arg PORT=3003 -t tingjian-tracking .
# The services run their TypeScript through tsx, as in development: no build step, the same code. The web
# service alone also builds its single-page app (vite build → services/web/dist) in the `ui` stage.
# PORT is the port the service listens on (its default in services/README.md); compose sets it as well.
ARG NODE_IMAGE=node:20-bookworm-slim

# ---- manifests: only the files `pnpm install` reads, so that the install layers below stay cached
# until a package.json or the lockfile changes (not on every source change) ----
FROM ${NODE_IMAGE} AS manifests
WORKDIR /src
COPY . .
RUN mkdir /out \
  && cp package.json pnpm-lock.yaml pnpm-workspace.yaml /out/ \
  && find packages services -maxdepth 2 -name package.json -exec cp --parents {} /out/ \;

FROM ${NODE_IMAGE} AS base
ARG SERVICE
RUN test -n "$SERVICE" \
  || { echo "build with --build-arg SERVICE=<identity|mailbox|tracking|notifications|hotline|polls|calendar|web>" >&2; exit 1; }
# better-sqlite3 (the embedded adapter, loaded only without Kafka/MongoDB) compiles when no prebuilt fits
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
ENV COREPACK_ENABLE_DOWNLOAD_PROMPT=0 CI=true
WORKDIR /app
COPY --from=manifests /out/ ./
RUN test -f "services/$SERVICE/package.json" \
  || { echo "no service named '$SERVICE' under services/" >&2; exit 1; }
RUN corepack enable

# ---- ui: for the web service, every dependency of the web package (Vite, React), then `vite build`;
# for the others an empty dist, so that the stage below copies the same path whatever the service ----
FROM base AS ui
ARG SERVICE
RUN mkdir -p "services/$SERVICE/dist" \
  && if [ "$SERVICE" = web ]; then pnpm install --frozen-lockfile --filter "@tingjian/web..."; fi
COPY packages packages
COPY services/${SERVICE} services/${SERVICE}
RUN if [ "$SERVICE" = web ]; then pnpm --filter @tingjian/web build; fi

# ---- build: the service's production dependencies and those of its workspace packages ----
FROM base AS build
ARG SERVICE
RUN pnpm install --frozen-lockfile --prod --filter "@tingjian/${SERVICE}..."
RUN test -e "services/$SERVICE/node_modules/tsx" \
  || { echo "services/$SERVICE/package.json must list tsx in dependencies (its start command)" >&2; exit 1; }
COPY packages packages
COPY services/${SERVICE} services/${SERVICE}
COPY --from=ui /app/services/${SERVICE}/dist services/${SERVICE}/dist

# ---- runtime: Node and the installed tree, owned by root, run as the unprivileged `node` user ----
FROM ${NODE_IMAGE} AS runtime
ARG SERVICE
ARG PORT=3000
ENV NODE_ENV=production HOST=0.0.0.0 PORT=${PORT}
WORKDIR /app
COPY --from=build /app /app
USER node
WORKDIR /app/services/${SERVICE}
EXPOSE ${PORT}
# ready = its bus and store answer (GET /readyz; the web service asks every service behind it);
# fetch is built into Node 20
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.PORT+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Node itself receives SIGTERM and shuts down gracefully (src/server.ts); compose adds an init (init: true)
STOPSIGNAL SIGTERM
CMD ["node", "--import", "tsx", "src/server.ts"]
