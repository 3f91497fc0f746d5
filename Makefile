# Hent — the two commands: `make run` and `make test`. Everything else is set up by them.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
PG_TEST_URL ?= postgres://postgres@127.0.0.1:5432/hent

.PHONY: run test setup lint test-sqlite test-postgres browser-deps bench clean

$(BIN)/.deps: requirements.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

$(BIN)/.dev-deps: $(BIN)/.deps requirements-dev.txt
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $@

setup: $(BIN)/.deps

## make run: venv, dependencies, database, open-data import, server on http://$(HOST):$(PORT)
run: setup
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py collectstatic --noinput -v0
	$(BIN)/python manage.py import_opendata
	@echo "Hent is served on http://$(HOST):$(PORT)"
	HENT_SECURE=$${HENT_SECURE:-0} HENT_ALLOWED_HOSTS=$${HENT_ALLOWED_HOSTS:-127.0.0.1,localhost,$(HOST)} \
	  $(BIN)/uvicorn config.asgi:application --host $(HOST) --port $(PORT) --no-access-log --ws-per-message-deflate false

## make test: lint, then the whole suite on SQLite and on PostgreSQL (the two run side by side)
test: $(BIN)/.dev-deps browser-deps lint
	scripts/ensure-postgres
	scripts/ensure-redis
	$(MAKE) --no-print-directory --output-sync=target -j2 test-sqlite test-postgres

lint: $(BIN)/.dev-deps
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/python manage.py check --fail-level WARNING

test-sqlite: $(BIN)/.dev-deps
	@echo "== test suite on SQLite"
	env -u DATABASE_URL $(BIN)/pytest

test-postgres: $(BIN)/.dev-deps
	@echo "== test suite on PostgreSQL"
	scripts/ensure-postgres
	DATABASE_URL=$(PG_TEST_URL) $(BIN)/pytest

browser-deps:
	@scripts/ensure-chromium

bench: $(BIN)/.dev-deps
	$(BIN)/python bench/import_rome.py
	$(BIN)/python bench/pages.py

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
