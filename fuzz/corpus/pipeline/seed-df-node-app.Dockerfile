FROM node:20-bookworm-slim AS deps
ENV NODE_ENV=production \
    NPM_CONFIG_UPDATE_NOTIFIER=false
WORKDIR /usr/src/app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm,sharing=locked \
    npm ci --omit=dev

FROM deps AS build
ENV NODE_ENV=development
RUN --mount=type=cache,target=/root/.npm npm ci
COPY --exclude=*.md --exclude=test/ . .
RUN npm run build

FROM node:20-bookworm-slim
ENV NODE_ENV production
WORKDIR /usr/src/app
COPY --from=deps --chown=node:node /usr/src/app/node_modules ./node_modules
COPY --from=build --chown=node:node /usr/src/app/dist ./dist
VOLUME ["/usr/src/app/data"]
USER node
STOPSIGNAL SIGINT
CMD node dist/index.js
