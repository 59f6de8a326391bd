# syntax=docker/dockerfile:1
# Build stage: compile TypeScript with all dependencies.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY src ./src
RUN npm run build && npm prune --omit=dev

# Runtime stage: production dependencies only, non-root, read-only root filesystem friendly.
FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=3000 TENANTS_DIR=/app/tenants TEMPLATES_DIR=/app/templates DATA_DIR=/tmp/bezwaar
WORKDIR /app
COPY --from=build --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
COPY --chown=root:root package.json ./
COPY --chown=root:root tenants ./tenants
COPY --chown=root:root templates ./templates
COPY --chown=root:root config ./config
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/v1/health/live').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "dist/main.js"]
