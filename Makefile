# Two commands for a newcomer: `make demo` and `make test`. Both create or reuse .venv.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DEMO_SERVE ?= 1
PORT ?= 8000

.PHONY: demo test test-fast eval bench es es-stop browser clean

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements.txt -r requirements-dev.txt
	$(PY) -m pip install -q --no-deps -e .
	@touch $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/veille demo $(if $(filter 0,$(DEMO_SERVE)),--no-serve,--port $(PORT))

# Browser tests need Debian's chromium; installed here when missing and we may (root + apt).
browser:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || \
	  echo "note: chromium not installed; browser tests will be skipped (they fail under CI=true)"; }

test: $(STAMP) browser
	$(PY) -m pytest -q

test-fast: $(STAMP)
	$(PY) -m pytest -q -m "not slow"

eval: $(STAMP)
	$(PY) -m bench.eval

# Elasticsearch figures need a node: the one in VEILLE_TEST_ELASTICSEARCH_URL, else a local one started here
# (2 GB heap: the search curve loads a million documents). BENCH_ARGS="--sizes 50k,200k" for a quick run.
bench: $(STAMP)
	@url="$${VEILLE_TEST_ELASTICSEARCH_URL:-}"; \
	if [ -z "$$url" ]; then \
	  ES_HEAP=$${ES_HEAP:-2g} .ci/es.sh start --port 9201 && url=http://127.0.0.1:9201 || echo "note: no Elasticsearch node: its figures are skipped"; \
	fi; \
	VEILLE_TEST_ELASTICSEARCH_URL="$$url" $(PY) -m bench $(BENCH_ARGS)

es: $(STAMP)
	.ci/es.sh start

es-stop:
	.ci/es.sh stop

clean:
	rm -rf var/ test-artifacts/ .pytest_cache
