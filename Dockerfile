# syntax=docker/dockerfile:1
# The platform's production image: `docker build -t bezwaarplatform .` (deployment: docs/deployment.md).

# Build stage: compile TypeScript with all dependencies.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY src ./src
RUN npm run build

# Dependency stage: production dependencies only, installed from the lock file.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# Runtime stage: no compiler, no dev dependencies, no npm cache. Files belong to root and are read-only for the
# app user, so the container also runs with a read-only root filesystem (only /tmp needs to be writable).
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    PORT=3000 \
    TENANTS_DIR=/app/tenants \
    TEMPLATES_DIR=/app/templates \
    PLATFORM_CONFIG=/app/config/platform.yaml
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
# Fonts for letters and invoices (pdfkit), read relative to dist/.
COPY assets ./assets
COPY config ./config
COPY templates ./templates
COPY tenants ./tenants
# The numeric id of the image's `node` user, so Kubernetes can verify runAsNonRoot.
USER 1000:1000
EXPOSE 3000
# Liveness only: a database outage should not mark the container unhealthy (readiness handles that).
HEALTHCHECK --interval=30s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/v1/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node as PID 1 receives SIGTERM directly; the app then finishes in-flight requests and jobs before exiting.
CMD ["node", "dist/main.js"]
