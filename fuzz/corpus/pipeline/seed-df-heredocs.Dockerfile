# syntax=docker/dockerfile:1
FROM debian:bookworm
RUN <<EOF
set -eux
apt-get update
apt-get install -y --no-install-recommends ca-certificates curl
rm -rf /var/lib/apt/lists/*
EOF

RUN <<-'SCRIPT' bash
	echo "tabs stripped, $HOME not expanded by BuildKit"
	SCRIPT

COPY --chmod=0755 <<entry.sh <<"health.sh" /usr/local/bin/
#!/bin/sh
exec "$@"
entry.sh
#!/bin/sh
curl -fsS http://localhost:8080/ || exit 1
health.sh

RUN python3 <<PY > /tmp/out.txt
print("hello from python")
PY

ONBUILD RUN <<EOF
echo triggered
EOF
ENTRYPOINT ["/usr/local/bin/entry.sh"]
