#!/usr/bin/env python3
"""Generate a deterministic, valid Dockerfile with about N instructions for
benchmarks: several stages, each a mix of ARG, ENV, LABEL, WORKDIR, RUN
(with cache and bind mounts), COPY (context and --from an earlier stage),
EXPOSE, USER and CMD. Usage: gen-dockerfile.py N > file"""
import random
import sys


def generate(n, seed=7):
    r = random.Random(seed)
    lines = ["# syntax=docker/dockerfile:1", "ARG BASE=busybox:latest", "ARG VERSION=1.0"]
    stage = 0
    count = 0
    args = ["VERSION"]
    while count < n:
        lines.append(f"FROM ${{BASE}} AS s{stage}")
        count += 1
        per_stage = min(200, n - count)
        for i in range(per_stage):
            k = r.choices(["ENV", "ARG", "LABEL", "WORKDIR", "RUN", "RUNM", "COPY", "COPYF", "EXPOSE", "USER"],
                          [15, 8, 8, 8, 25, 5, 18, 5, 4, 4])[0]
            tag = f"{stage}_{i}"
            if k == "ENV":
                ref = f" OTHER_{tag}=${{{r.choice(args)}}}" if args else ""
                lines.append(f"ENV VAR_{tag}=value_{tag}{ref}")
            elif k == "ARG":
                args.append(f"A_{tag}")
                lines.append(f"ARG A_{tag}=default_{tag}")
            elif k == "LABEL":
                lines.append(f'LABEL org.example.l{tag}="label {tag}"')
            elif k == "WORKDIR":
                lines.append(f"WORKDIR /work/w{i % 13}")
            elif k == "RUN":
                lines.append(f"RUN echo step {tag} && mkdir -p /tmp/d{tag} && touch /tmp/d{tag}/f")
            elif k == "RUNM":
                lines.append(f"RUN --mount=type=cache,target=/root/.cache/c{i % 5} --mount=type=bind,source=src,target=/src "
                             f"cp -r /src /tmp/s{tag}")
            elif k == "COPY":
                lines.append(f"COPY src/file_{tag}.txt /app/dir_{i % 17}/")
            elif k == "COPYF" and stage > 0:
                lines.append(f"COPY --from=s{stage - 1} /tmp /from-{tag}/")
            elif k == "EXPOSE":
                lines.append(f"EXPOSE {8000 + i}/tcp")
            else:
                lines.append("USER root")
            count += 1
        lines.append('CMD ["sh", "-c", "echo done"]')
        count += 1
        stage += 1
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.stdout.write(generate(int(sys.argv[1])))
