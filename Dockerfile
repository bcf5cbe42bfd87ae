# Multi-stage build: one image for api and worker, one nginx image for the web canvas.
FROM node:24-bookworm AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY apps/worker/package.json apps/worker/
COPY apps/web/package.json apps/web/
COPY libs/journey/package.json libs/journey/
COPY libs/persistence/package.json libs/persistence/
COPY libs/channels/package.json libs/channels/
COPY libs/execution/package.json libs/execution/
RUN npm ci
COPY . .
RUN npx nx run-many -t build --outputStyle=static

FROM node:24-bookworm-slim AS app
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app /app
EXPOSE 3000
CMD ["node", "--enable-source-maps", "apps/api/dist/main.js"]

FROM nginx:1.27-alpine AS web
COPY deploy/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=build /app/apps/web/dist /usr/share/nginx/html
EXPOSE 80
