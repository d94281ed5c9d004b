# PM Desktop: `make run` starts the app, `make test` runs every test headless.
# Everything runs from the project's own virtual environment in .venv/.

SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
RUN_STAMP := $(VENV)/.installed-run
DEV_STAMP := $(VENV)/.installed-dev
PIP    := $(BIN)/python -m pip --disable-pip-version-check

# Debian packages the tests need: pdftoppm for the PDF tests, an X server for anything that
# needs a real display, xdotool to type into it (tests/test_no_line_lost.py), the shared
# libraries Qt loads even offscreen (see
# `ldd .venv/lib/python3.11/site-packages/PySide6/Qt/plugins/platforms/libqoffscreen.so`),
# and PostgreSQL's server programs: tests/hub/ starts a throwaway cluster of its own.
APT_PACKAGES := poppler-utils xvfb xauth xdotool fontconfig libfontconfig1 libegl1 libgl1 \
                libxkbcommon0 libdbus-1-3 libglib2.0-0 postgresql
# What Qt's xcb platform plugin needs to open a real window (make run).
APT_RUN_PACKAGES := libfontconfig1 libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 \
                libdbus-1-3 libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 \
                libxcb-image0 libxcb-render-util0 libxcb-randr0 libxcb-shape0 libxcb-xinerama0 \
                libxcb-xkb1

# A clean, deterministic environment for tests: offscreen Qt, no user settings or data,
# fixed locale, time zone and hash seed.
TEST_HOME := $(CURDIR)/build/test-home
TEST_ENV := QT_QPA_PLATFORM=offscreen \
            QT_ACCESSIBILITY=0 \
            PYTHONHASHSEED=0 \
            TZ=UTC LANG=C.UTF-8 LC_ALL=C.UTF-8 LANGUAGE= \
            HOME=$(TEST_HOME) \
            XDG_CONFIG_HOME=$(TEST_HOME)/config \
            XDG_DATA_HOME=$(TEST_HOME)/data \
            XDG_CACHE_HOME=$(TEST_HOME)/cache \
            XDG_RUNTIME_DIR=$(TEST_HOME)/runtime
PYTEST_ARGS ?=
BENCH_ARGS ?=

.PHONY: help run test system-deps run-deps lint bundle bench translations clean distclean

help:
	@echo "make run      install into .venv (once) and start PM Desktop"
	@echo "make test     install what the tests need and run them all, headless"
	@echo "make lint     ruff check, ruff format --check, mypy"
	@echo "make bundle   build the one-folder app in dist/pm-desktop/ (PyInstaller)"
	@echo "make bench    benchmarks: start-up, PDF minutes, stakeholder map and health (bench/)"
	@echo "make translations  update resources/translations/*.ts from the code and build the .qm"
	@echo "make clean    remove build output and caches (keeps .venv; 'make distclean' too)"

run: run-deps $(RUN_STAMP)
	$(BIN)/pm-desktop

test: system-deps $(DEV_STAMP)
	@rm -rf "$(TEST_HOME)" && mkdir -p "$(TEST_HOME)"/{config,data,cache} \
		&& mkdir -m 700 "$(TEST_HOME)/runtime"
	$(TEST_ENV) $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(DEV_STAMP)
	@status=0; \
	echo "== ruff check"; $(BIN)/ruff check . || status=1; \
	echo "== ruff format --check"; $(BIN)/ruff format --check . || status=1; \
	echo "== mypy"; $(BIN)/mypy || status=1; \
	exit $$status

bundle: $(DEV_STAMP)
	@start=$$(date +%s); \
	$(BIN)/pyinstaller --noconfirm --log-level WARN build.spec \
	&& echo "built dist/pm-desktop/ ($$(du -sh dist/pm-desktop | cut -f1)) in $$(( $$(date +%s) - start ))s"

# After adding or changing a user-visible string: translate the new zh_CN entries (Qt Linguist:
# .venv/bin/pyside6-linguist) and run this again; tests/unit/test_translations.py checks it.
TS_SOURCES = $(shell find pm_desktop -name '*.py' | sort)
translations: $(RUN_STAMP)
	$(BIN)/pyside6-lupdate -locations none -no-obsolete $(TS_SOURCES) \
		-ts resources/translations/pm_desktop_zh_CN.ts
	$(BIN)/pyside6-lupdate -locations none -no-obsolete -pluralonly $(TS_SOURCES) \
		-ts resources/translations/pm_desktop_en.ts
	$(BIN)/pyside6-lrelease resources/translations/pm_desktop_zh_CN.ts resources/translations/pm_desktop_en.ts

bench: $(DEV_STAMP)
	@# '-': a figure over its target is reported, and the other benchmarks still run
	-QT_QPA_PLATFORM=$${QT_QPA_PLATFORM:-offscreen} $(BIN)/python bench/startup.py $(BENCH_ARGS)
	-QT_QPA_PLATFORM=$${QT_QPA_PLATFORM:-offscreen} $(BIN)/python bench/minutes_pdf.py
	-QT_QPA_PLATFORM=$${QT_QPA_PLATFORM:-offscreen} $(BIN)/python bench/stakeholder_map.py
	-$(BIN)/python bench/stakeholder_health.py
	-$(BIN)/python bench/team_cost.py
	-$(BIN)/python bench/resource_heatmap.py
	-$(BIN)/python bench/plan_schedule.py
	-QT_QPA_PLATFORM=$${QT_QPA_PLATFORM:-offscreen} $(BIN)/python bench/plan_gantt.py
	-$(BIN)/python bench/hub_push.py
	-$(BIN)/python bench/sync_pull.py
	-QT_QPA_PLATFORM=$${QT_QPA_PLATFORM:-offscreen} $(BIN)/python bench/sync_propagation.py

clean:
	rm -rf build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache .hypothesis bench/out
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV)

# --- environment ---------------------------------------------------------------------

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else \
		"PM Desktop needs Python 3.11 or newer; $(PYTHON) is " + sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

# The stamps depend on pyproject.toml: edit the dependencies and the next make reinstalls.
$(RUN_STAMP): pyproject.toml | $(BIN)/python
	@if [ -f $(DEV_STAMP) ] && [ $(DEV_STAMP) -nt pyproject.toml ]; then \
		echo "already installed with the dev extras"; \
	else \
		echo "installing pm-desktop into $(VENV)"; \
		$(PIP) install --quiet -e .; \
	fi
	@touch $@

$(DEV_STAMP): pyproject.toml | $(BIN)/python
	@echo "installing pm-desktop[dev] into $(VENV)"
	$(PIP) install --quiet -e '.[dev]'
	@touch $@ $(RUN_STAMP)

run-deps:
	@$(MAKE) --no-print-directory system-deps APT_PACKAGES="$(APT_RUN_PACKAGES)"

# Installs the Debian packages above when they are missing (as root), or says what to install.
system-deps:
	@if ! command -v dpkg-query >/dev/null 2>&1; then \
		echo "note: not a Debian system; the tests need: $(APT_PACKAGES)"; exit 0; \
	fi; \
	missing=""; \
	for package in $(APT_PACKAGES); do \
		dpkg-query -W -f='$${Status}' "$$package" 2>/dev/null | grep -q 'ok installed' \
			|| missing="$$missing $$package"; \
	done; \
	if ! $(PYTHON) -c 'import ensurepip, venv' >/dev/null 2>&1 && [ ! -x $(BIN)/python ]; then \
		missing="$$missing python3-venv"; \
	fi; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then \
		echo "installing Debian packages:$$missing"; \
		export DEBIAN_FRONTEND=noninteractive; \
		apt-get update -qq && apt-get install -y -qq --no-install-recommends $$missing; \
	else \
		echo "warning: missing Debian packages:$$missing"; \
		echo "         install them with: sudo apt-get install --no-install-recommends$$missing"; \
		echo "         (continuing; tests that need them may fail)"; \
	fi
