# Pathfinder. `make run` serves the demo; `make test` runs every test. `make help` lists the rest.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
APT_PACKAGES := chromium fonts-liberation libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 redis-server clamav-daemon
# The virus scanner for uploaded documents: scripts/clamav-start runs clamd on this socket (var/clamav/).
CLAMAV_SOCKET := $(CURDIR)/var/clamav/clamd.sock
export PATHFINDER_CLAMAV ?= unix://$(CLAMAV_SOCKET)
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.DEFAULT_GOAL := help
.PHONY: help run setup test test-fast test-browser lint bench bench-relevance bench-load demo daily-jobs worker clean \
	system-packages clamav collectstatic serve-production

help: ## List the commands
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-14s %s\n", $$1, $$2}'

$(VENV)/.installed: requirements/base.txt requirements/dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet -r requirements/dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

static_build/.built: node_modules/.installed frontend/pathfinder.scss frontend/pathfinder-init.js
	mkdir -p static_build/govuk
	npx sass --load-path=node_modules --style=compressed --no-source-map --quiet frontend/pathfinder.scss static_build/pathfinder.min.css
	cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js static_build/govuk/
	rm -rf static_build/govuk/assets && cp -r node_modules/govuk-frontend/dist/govuk/assets static_build/govuk/assets
	cp frontend/pathfinder-init.js static_build/pathfinder-init.js
	touch $@

system-packages: ## Install Debian packages for PDFs and browser tests, if missing (needs root)
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

setup: $(VENV)/.installed static_build/.built ## Install everything the app needs (idempotent)

clamav: ## Start the virus scanner (clamd) for uploaded documents, if it is not running
	scripts/clamav-start

run: setup system-packages ## Set up, load the demo county, and serve http://127.0.0.1:8000
	-scripts/clamav-start  # without it, uploads wait in quarantine (the pages say so)
	$(MANAGE) migrate --noinput -v 0
	$(MANAGE) createcachetable -v 0
	$(MANAGE) load_demo --if-empty
	$(MANAGE) demo_sign_ins
	-$(MANAGE) run_daily_jobs  # reminders, plans ceasing, files waiting for the scanner ... (a failure is shown, not fatal)
	@echo "Serving on http://$(HOST):$(PORT)/  (Ctrl+C stops the server and the task worker)"
	@trap 'kill 0' EXIT; $(MANAGE) db_worker --queue-name '*' >/dev/null 2>&1 & $(MANAGE) runserver $(HOST):$(PORT)

demo: setup system-packages ## Rebuild the demo data from scratch (its PDFs need the system packages)
	$(MANAGE) migrate --noinput -v 0
	$(MANAGE) createcachetable -v 0
	$(MANAGE) load_demo --reset

daily-jobs: setup ## Run every daily job once (what cron or the systemd timer runs in production, see README)
	$(MANAGE) run_daily_jobs

worker: setup ## Run the background task worker
	$(MANAGE) db_worker --queue-name '*'

test: setup system-packages clamav ## Run every test (unit, integration, browser) on the database in DATABASE_URL (SQLite by default)
	$(PY) -m ruff check .
	$(VENV)/bin/lint-imports
	DJANGO_SETTINGS_MODULE=config.settings.test $(MANAGE) makemigrations --check --dry-run -v 0
	PATHFINDER_CLAMAV_REQUIRED=1 $(PY) -m pytest -n auto --dist loadfile

test-fast: setup ## Run the tests without the browser journeys
	$(PY) -m pytest -m "not browser"

lint: setup ## Check the code style and the layers (which package may import which)
	$(PY) -m ruff check .
	$(VENV)/bin/lint-imports

bench: setup ## Measure speed at council and national scale (ratios against the database floor), and search relevance
	$(PY) -m bench.run
	$(PY) -m bench.relevance

bench-relevance: setup ## Search relevance only: nDCG@10 of the judged queries, words as typed and understood
	$(PY) -m bench.relevance

bench-load: setup ## Open-loop load test of the Local Offer under gunicorn (council and national scale)
	$(PY) -m bench.run --scale load

# Production: DJANGO_SETTINGS_MODULE=config.settings.production, DJANGO_SECRET_KEY and DATABASE_URL set (README).
collectstatic: setup ## Production static files: hashed names and compressed copies in staticfiles/
	DJANGO_SETTINGS_MODULE=config.settings.production $(MANAGE) collectstatic --noinput -v 1

serve-production: collectstatic ## Serve with gunicorn and the production settings (config/gunicorn.py)
	DJANGO_SETTINGS_MODULE=config.settings.production $(MANAGE) migrate --noinput -v 0
	DJANGO_SETTINGS_MODULE=config.settings.production $(MANAGE) createcachetable -v 0
	DJANGO_SETTINGS_MODULE=config.settings.production $(VENV)/bin/gunicorn -c config/gunicorn.py config.wsgi:application

clean: ## Remove built files and the local database
	rm -rf static_build staticfiles pathfinder.sqlite3* media private_documents
