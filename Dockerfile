# explainbot: one image for both platforms; docker-compose.yml picks `serve slack` or `serve discord`.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

# Dependencies first, pinned (regenerate with scripts/lock_requirements.py): this layer is
# rebuilt only when the lock changes.
COPY requirements.lock ./
RUN pip install --no-cache-dir -r requirements.lock

# The project itself, without touching the pinned dependencies.
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY adapters ./adapters
RUN pip install --no-cache-dir --no-deps . && rm -rf build *.egg-info

# The bundled knowledge; compose mounts ./knowledge over it read-only so edits reload live.
COPY knowledge ./knowledge

RUN useradd --system --uid 10001 --no-create-home --home-dir /nonexistent explainbot \
    && mkdir -p /data \
    && chown explainbot /data
USER explainbot

ENV EXPLAINBOT_KNOWLEDGE=/app/knowledge \
    EXPLAINBOT_DB=/data/explainbot.db \
    EXPLAINBOT_HEALTH_HOST=0.0.0.0 \
    EXPLAINBOT_HEALTH_PORT=8080
VOLUME ["/data"]
EXPOSE 8080

# No curl in slim images: ask /healthz with the standard library (503 or no answer -> exit 1).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ.get('EXPLAINBOT_HEALTH_PORT', '8080'), timeout=4)"]

CMD ["explainbot", "serve", "slack"]
