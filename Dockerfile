# explainbot: one image for both platforms; docker-compose.yml picks `serve slack` or `serve discord`.
#
# The base is pinned by digest, so a build never picks up a different image under the same tag:
# the multi-platform index of python:3.11-slim-bookworm (Python 3.11.16) as recorded by the
# Docker Official Images' repo-info (docker-library/repo-info, commit 33a22f41,
# repos/python/remote/3.11-slim-bookworm.md). Bump it deliberately, with the digest from
# `docker buildx imagetools inspect python:3.11-slim-bookworm`.
FROM python:3.11-slim-bookworm@sha256:0bee7276f83efd4a1ee05bbbf4281d95ed28e079220a9457f25a93e3f1e3c31b

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

# Dependencies first, from the hashed lock (pip-compile --generate-hashes; see README): pip
# refuses any file whose hash is not listed, and wheels only, so nothing is compiled. This
# layer is rebuilt only when the lock changes. The lock also pins the build backend.
COPY requirements.lock ./
RUN pip install --no-cache-dir --require-hashes --only-binary=:all: -r requirements.lock

# The project itself, built with the locked backend and nothing fetched.
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY adapters ./adapters
RUN pip install --no-cache-dir --no-deps --no-build-isolation --no-index . \
    && rm -rf build ./*.egg-info

# The bundled knowledge; compose mounts ./knowledge over it read-only so edits reload live.
COPY knowledge ./knowledge

RUN useradd --system --uid 10001 --no-create-home --home-dir /nonexistent explainbot \
    && mkdir -p /data \
    && chown explainbot /data
USER explainbot

# Health and metrics listen on 127.0.0.1 inside the container (the healthcheck runs there too);
# set EXPLAINBOT_HEALTH_HOST=0.0.0.0 to publish them, e.g. for Prometheus.
ENV EXPLAINBOT_KNOWLEDGE=/app/knowledge \
    EXPLAINBOT_DB=/data/explainbot.db \
    EXPLAINBOT_HEALTH_PORT=8080
VOLUME ["/data"]
EXPOSE 8080

# No curl in slim images: ask /healthz with the standard library (503 or no answer -> exit 1).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ.get('EXPLAINBOT_HEALTH_PORT', '8080'), timeout=4)"]

CMD ["explainbot", "serve", "slack"]
