# The gateway as a container: compiled in one stage, run with production dependencies only, as `node`.

FROM node:20-slim AS build
WORKDIR /app
# patches/: fixes to dependencies, applied by `npm ci` (postinstall, patch-package).
COPY package.json package-lock.json ./
COPY patches ./patches
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
# All of src: the build also copies src/http/public (the live page, GraphiQL) into dist.
COPY src ./src
RUN npm run build

# A stage of its own so that the production dependencies stay cached while only the source changes.
FROM node:20-slim AS production-dependencies
WORKDIR /app
COPY package.json package-lock.json ./
COPY patches ./patches
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM node:20-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000
WORKDIR /app
# Owned by root and only read by `node`: the process cannot rewrite its own code or dependencies.
COPY package.json ./
COPY --from=production-dependencies /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
USER node
EXPOSE 4000
# node:20-slim has no curl; Node's own fetch asks the liveness route.
HEALTHCHECK --interval=10s --timeout=3s --start-period=15s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# A larger young generation: a send allocates a lot that dies young (measured: GC 6.0% → 3.5% of the CPU).
CMD ["node", "--max-semi-space-size=32", "dist/main.js"]
