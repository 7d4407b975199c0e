FROM python:3.12-slim
MAINTAINER Someone <someone@example.com>
LABEL version="1.0" description='single quoted' multi="a b c"
ARG PIP_INDEX_URL
ARG EXTRA=
ENV PYTHONDONTWRITEBYTECODE 1
ENV PYTHONUNBUFFERED=1 PATH="/venv/bin:$PATH"
RUN python -m venv /venv
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2015d0ca5cd7bfbe https://example.com/tool.tar.gz /opt/
ADD --keep-git-dir=true https://github.com/moby/buildkit.git#v0.13.0 /buildkit
RUN --mount=type=secret,id=pip,env=PIP_TOKEN,required \
    --mount=type=ssh \
    --network=host \
    pip install --no-cache-dir -r /tmp/requirements.txt
EXPOSE 8000 9000/udp
HEALTHCHECK NONE
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
ONBUILD COPY . /app
onbuild run echo lowercase works
CMD ["gunicorn", "app:app"]
