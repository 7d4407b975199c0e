# A realistic multi-stage build for the frontend-image benchmark
# (context: testdata/apps/go-module). The benchmark adds the `# syntax=` line.
ARG DEBIAN_IMAGE=debian:bookworm

FROM ${DEBIAN_IMAGE} AS toolchain
RUN apt-get update \
 && apt-get install -y --no-install-recommends golang-go \
 && rm -rf /var/lib/apt/lists/*
ENV GOPROXY=off GOFLAGS=-mod=mod CGO_ENABLED=0

FROM toolchain AS deps
WORKDIR /src
COPY go.mod ./
RUN go mod download

FROM deps AS build
ARG VERSION=dev
COPY . .
RUN go vet ./... && go build -trimpath -ldflags "-X main.version=${VERSION}" -o /out/strata-go .

FROM busybox AS runtime
LABEL org.opencontainers.image.title="strata-go"
COPY --from=build /out/strata-go /usr/local/bin/strata-go
USER 65534:65534
WORKDIR /home
HEALTHCHECK --interval=30s CMD ["/usr/local/bin/strata-go"]
ENTRYPOINT ["/usr/local/bin/strata-go"]
