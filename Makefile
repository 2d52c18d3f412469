# Atelier — everyday commands.
#
#   make demo            run the demo (SQLite, demo data, web client) on localhost:8000 (PORT=...)
#   make test            addon tests (unittest + scenarios) and cross-addon tests (pytest), SQLite
#   make test-postgresql the same suite on a throwaway PostgreSQL (scripts/pg_start.sh)
#   make test-all        both suites side by side (.ci/run); TEST_JOBS=2 processes at a time
#   make install | sao | portal-assets | clean

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DELETE_ON_ERROR:
.DEFAULT_GOAL := help

PY := .venv/bin/python
PORT ?= 8000
HOST ?= localhost
DB ?= demo
# Modules activated in the demo database (with their dependencies).
DEMO_MODULES ?= saas connector saas_portal powder_coating account_fr_export saas_subscription
# Script loading the demo tenants and users (empty: none).
DEMO_DATA ?= scripts/demo_data.py
ADMIN_EMAIL ?= admin@atelier.localhost
# Throwaway PostgreSQL for test-postgresql (scripts/pg_start.sh).
PG_PORT ?= 5433
PG_URI ?= postgresql://postgres@127.0.0.1:$(PG_PORT)/

VENV := .venv
PIP := $(PY) -m pip --disable-pip-version-check
BIN := $(VENV)/bin
CONF := config/trytond.conf
STAMP := $(VENV)/.stamp-requirements
DEV_STAMP := $(VENV)/.stamp-requirements-dev
SAO_ROOT := $(CURDIR)/var/sao/package
SAO_STAMP := var/sao/.stamp-sao-8.0.11
DEMO_DB := var/db/$(DB).sqlite

# Every addon is a pip package (core_addons/*, addons/*) listed with -e in
# requirements.txt; those with a tryton.cfg are Tryton modules with tests.
PYPROJECTS := $(wildcard core_addons/*/pyproject.toml addons/*/pyproject.toml)
ADDON_DIRS := $(patsubst %/tryton.cfg,%,$(wildcard core_addons/*/tryton.cfg addons/*/tryton.cfg))

# trytond reads TRYTOND_<SECTION>__<OPTION> (trytond/config.py) before the
# files given with -c, which win. config/trytond.conf leaves [database] path
# unset (SQLite needs it absolute), so this export is what places the
# databases in var/db for every command run from here; the demo server also
# gets port, root and path from the generated var/make.conf.
export TRYTOND_WEB__ROOT := $(SAO_ROOT)
export TRYTOND_DATABASE__PATH := $(CURDIR)/var/db

.PHONY: help venv install install-dev sao portal-assets demo test test-postgresql test-all clean

help:
	@sed -n '2,7p' Makefile | sed 's/^# \{0,1\}//'

# --- Python environment -------------------------------------------------------

$(PY):
	python3 -m venv $(VENV)

$(STAMP): requirements.txt $(PYPROJECTS) | $(PY)
	@for f in $(PYPROJECTS); do \
	    d=$$(dirname $$f); \
	    grep -qxE -- "-e \.?/?$$d/?" requirements.txt \
	        || { echo "$$d has a pyproject.toml but no '-e ./$$d' line in requirements.txt" >&2; exit 1; }; \
	done
	$(PIP) install -r requirements.txt
	@touch $@

$(DEV_STAMP): requirements-dev.txt $(STAMP)
	$(PIP) install -r requirements-dev.txt
	@touch $@

venv install: $(STAMP)
install-dev: $(DEV_STAMP)

# --- Web client ---------------------------------------------------------------

$(SAO_STAMP):
	scripts/install_sao.sh

sao: $(SAO_STAMP)

# --- Portal stylesheet and scripts --------------------------------------------

# Tailwind CSS (only the classes the templates use) and htmx, from npm with
# the versions of package-lock.json, into core_addons/saas_portal/static/dist.
PORTAL_DIR := core_addons/saas_portal
PORTAL_NPM := $(PORTAL_DIR)/node_modules/.package-lock.json
PORTAL_ASSETS := $(PORTAL_DIR)/static/dist/portal.css

$(PORTAL_NPM): $(PORTAL_DIR)/package.json $(PORTAL_DIR)/package-lock.json
	cd $(PORTAL_DIR) && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

$(PORTAL_ASSETS): $(PORTAL_NPM) $(PORTAL_DIR)/tailwind.config.js $(PORTAL_DIR)/static/src/portal.css $(PORTAL_DIR)/static/src/portal-sign.js $(wildcard $(PORTAL_DIR)/templates/*.html addons/*/templates/*.html)
	@mkdir -p $(PORTAL_DIR)/static/dist
	cd $(PORTAL_DIR) && npm run --silent build

portal-assets: $(PORTAL_ASSETS)

# --- Demo ---------------------------------------------------------------------

# Built once; `make clean` (or removing the file) rebuilds it. Deleted if any
# step fails, so a half-built database is never reused.
$(DEMO_DB): | $(STAMP) $(SAO_STAMP)
	@mkdir -p var/db
	@umask 077 && printf 'admin\n' > var/db/.admin-password
	@touch $@
	TRYTONPASSFILE=var/db/.admin-password $(BIN)/trytond-admin -c $(CONF) -d $(DB) --all --email $(ADMIN_EMAIL)
	$(BIN)/trytond-admin -c $(CONF) -d $(DB) -u $(DEMO_MODULES) --activate-dependencies -l fr
	@if [ -n "$(DEMO_DATA)" ] && [ -f "$(DEMO_DATA)" ]; then \
	    echo "$(PY) $(DEMO_DATA) -c $(CONF) -d $(DB)"; \
	    $(PY) $(DEMO_DATA) -c $(CONF) -d $(DB); \
	else echo "no demo data loaded (DEMO_DATA=$(DEMO_DATA))"; fi
	@rm -f var/db/.admin-password

demo: $(STAMP) $(SAO_STAMP) $(PORTAL_ASSETS) $(DEMO_DB)
	@printf '[web]\nlisten = %s:%s\nroot = %s\n[database]\npath = %s\n' \
	    '$(HOST)' '$(PORT)' '$(SAO_ROOT)' '$(CURDIR)/var/db' > var/make.conf
	@echo
	@echo "Atelier demo — database '$(DB)' (SQLite: $(DEMO_DB))"
	@echo "  Back office (Tryton web client): http://localhost:$(PORT)/"
	@echo "  JSON-RPC / XML-RPC:              http://localhost:$(PORT)/$(DB)/rpc/"
	@echo "  REST API:                        http://localhost:$(PORT)/$(DB)/rest/"
	@echo "  Client portals (password demo):"
	@echo "    http://localhost:$(PORT)/$(DB)/portal/thermolaquage-durand/  garage.brotteaux@demo.atelier.localhost"
	@echo "    http://localhost:$(PORT)/$(DB)/portal/epoxy-services-martin/ cycles.chartrons@demo.atelier.localhost"
	@echo "  Workshop mode (tablet):          http://localhost:$(PORT)/$(DB)/workshop/  operator.durand / demo"
	@echo "  Logins:"
	@echo "    admin / admin                 publisher (sees every tenant)"
	@echo "    owner.durand, admin.durand, operator.durand, accounting.durand / demo"
	@echo "    owner.martin, admin.martin, operator.martin, accounting.martin / demo"
	@echo "  Two-factor login (owners and administrators): after the password, the"
	@echo "  code of an authenticator app set up with these secrets (TOTP):"
	@echo "    owner.durand  OWNERDURANDATELIERDEMOSECRETAAAA"
	@echo "    admin.durand  ADMINDURANDATELIERDEMOSECRETAAAA"
	@echo "    owner.martin  OWNERMARTINATELIERDEMOSECRETAAAA"
	@echo "    admin.martin  ADMINMARTINATELIERDEMOSECRETAAAA"
	@echo "    e.g. $(PY) -c \"import pyotp; print(pyotp.TOTP('OWNERDURANDATELIERDEMOSECRETAAAA').now())\""
	@echo "  Stop with Ctrl-C. Start afresh with: make clean demo"
	@echo
	exec $(BIN)/trytond -c $(CONF) var/make.conf -d $(DB)

# --- Tests --------------------------------------------------------------------

# An addon's tests are its tests/test_*.py modules, named explicitly:
# `python -m unittest <package>` would load only the package's __init__ and
# `discover` cannot map an editable install's files back to trytond.modules.
test_modules = $(foreach f,$(sort $(wildcard $(1)/tests/test_*.py)),trytond.modules.$(notdir $(1)).tests.$(basename $(notdir $(f))))

# Scenario doctests load through unittest's load_tests protocol only: check
# that every tests/*.rst of every addon is in the suite before running it.
define CHECK_SCENARIOS
import glob, os, sys, unittest
def walk(suite):
    for test in suite:
        if isinstance(test, unittest.TestSuite):
            yield from walk(test)
        else:
            yield test
directory, names = sys.argv[1], sys.argv[2:]
suite = unittest.defaultTestLoader.loadTestsFromNames(names)
loaded = {os.path.basename(t._dt_test.filename)
    for t in walk(suite) if hasattr(t, '_dt_test')}
written = {os.path.basename(f)
    for f in glob.glob(os.path.join(directory, 'tests', '*.rst'))}
print(f'{directory}: {suite.countTestCases()} tests, '
    f'{len(written)} scenario(s) written, {len(written & loaded)} loaded')
for missing in sorted(written - loaded):
    print(f'  NOT LOADED: {directory}/tests/{missing}', file=sys.stderr)
sys.exit(bool(written - loaded) or not suite.countTestCases())
endef
export CHECK_SCENARIOS

# A suite (SQLite or PostgreSQL) is made of pieces, each run in its own
# process: one per addon (its tests/test_*.py and scenarios, unittest) and
# `pytest` (tests/: cross-addon tests against a real server). TEST_JOBS
# pieces run at a time (make -j -O): the output of a piece is held back and
# printed whole when it ends, closed by its result line ("== [sqlite] saas:
# OK, 95 s" or "** [postgresql] saas: FAILED (unittest), 95 s"); every piece
# runs even after a failure (make -k), then a summary lists every piece with
# its result and the target fails if one did not pass. TEST_JOBS=1 runs the
# pieces one by one.
TEST_JOBS ?= 2
# The pieces start in this order, the slowest first, so that the last ones
# to start are short; the addons not listed follow in ADDON_DIRS order.
TEST_SLOWEST ?= pytest powder_coating account_fr_export saas_subscription saas saas_portal
ADDONS := $(notdir $(ADDON_DIRS))
TEST_PIECES := $(filter $(ADDONS) $(if $(wildcard tests),pytest),$(TEST_SLOWEST)) \
    $(filter-out $(TEST_SLOWEST),$(ADDONS))
SQLITE_PIECES := $(addprefix test-sqlite/,$(TEST_PIECES))
PG_PIECES := $(addprefix test-postgresql/,$(TEST_PIECES))
.PHONY: $(SQLITE_PIECES) $(PG_PIECES)

# Each piece works in var/test/<suite>/<piece>/: its [database] path (the
# filestore) and, on SQLite, its DB_CACHE (template databases are cached for
# one run only: a cache kept across runs would hide schema changes made to an
# addon since it was built); its result goes to var/test/<suite>/<piece>.result.
# Concurrent pieces share nothing else: SQLite databases are in memory, the
# PostgreSQL test database of a piece is test_<piece> and its cached
# templates ("test-<hash of the modules and setup>") are those of its own
# addon, the pytest server picks a free port and a new temporary directory.
piece_dir = $(CURDIR)/var/test/$(1)/$(2)
addon_dir = $(filter %/$(1),$(ADDON_DIRS))

# $(1): piece. The environment of its processes.
sqlite_env = TRYTOND_DATABASE__URI=sqlite:// DB_NAME=:memory: \
    DB_CACHE=$(call piece_dir,sqlite,$(1))/cache \
    TRYTOND_DATABASE__PATH=$(call piece_dir,sqlite,$(1))/db
pg_env = TRYTOND_DATABASE__URI=$(PG_URI) DB_CACHE=postgresql:// DB_NAME=test_$(1) \
    TRYTOND_DATABASE__PATH=$(call piece_dir,postgresql,$(1))/db

# The HTTP journeys through the WSGI application (the client's space, the
# payment links and webhooks, the public website) test what the server
# answers, like the browser journeys: they run once, in the PostgreSQL
# suite, whose read-only transactions are enforced (SQLite's are not).
PG_ONLY_TESTS := powder_coating.tests.test_portal_routes \
    powder_coating.tests.test_sepa \
    powder_coating.tests.test_payment saas_portal.tests.test_website \
    account_fr_export.tests.test_portal_invoices
# $(1): suite, $(2): addon folder. The test modules the suite runs.
suite_test_modules = $(if $(filter sqlite,$(1)),$(filter-out \
    $(addprefix trytond.modules.,$(PG_ONLY_TESTS)),$(call test_modules,$(2))),$(call test_modules,$(2)))

# $(1): suite, $(2): addon, $(3): environment. The addon's unittest process
# (after the scenario check); its result line ends its output.
define RUN_UNITTEST
@exec 2>&1; started=$$(date +%s); failed=; \
mkdir -p $(call piece_dir,$(1),$(2))/db; \
echo "== [$(1)] $(2): $(PY) -m unittest $(call suite_test_modules,$(1),$(call addon_dir,$(2)))"; \
if [ -z "$(call suite_test_modules,$(1),$(call addon_dir,$(2)))" ]; then \
    echo "** $(call addon_dir,$(2)): no tests/test_*.py"; failed="no tests/test_*.py"; \
else \
    $(3) $(PY) -c "$$CHECK_SCENARIOS" $(call addon_dir,$(2)) $(call suite_test_modules,$(1),$(call addon_dir,$(2))) \
        || failed="scenario check"; \
    $(3) $(PY) -m unittest $(call suite_test_modules,$(1),$(call addon_dir,$(2))) \
        || failed="$${failed:+$$failed, }unittest"; \
fi; \
result=$${failed:+FAILED ($$failed)}; \
$(call END_PIECE,$(1),$(2))
endef

# The browser journeys (Chromium driving the web client, the portal and the
# workshop mode) test what people see, which does not depend on the
# database backend: they run once, in the PostgreSQL suite (production's
# backend); the SQLite suite runs every other test of tests/.
BROWSER_TESTS := $(wildcard tests/test_browser*.py) tests/test_workshop_mode.py
PYTEST_ARGS_postgresql := tests/
PYTEST_ARGS_sqlite := tests/ $(addprefix --ignore=,$(BROWSER_TESTS))

# $(1): suite, $(2): environment. pytest (exit 5, nothing collected, is a
# failure unless tests/ has no test file).
define RUN_PYTEST
@exec 2>&1; started=$$(date +%s); \
mkdir -p $(call piece_dir,$(1),pytest)/db; \
echo "== [$(1)] pytest: $(PY) -m pytest $(PYTEST_ARGS_$(1))"; \
prc=0; $(2) $(PY) -m pytest $(PYTEST_ARGS_$(1)) || prc=$$?; \
if [ $$prc -eq 5 ] && [ -z "$$(find tests -name 'test_*.py' -o -name '*_test.py' | head -n 1)" ]; then prc=0; fi; \
result=; [ $$prc -eq 0 ] || result="FAILED (pytest exit $$prc)"; \
$(call END_PIECE,$(1),pytest)
endef

# The result line of piece $(2) of suite $(1) ($$result: empty if it
# passed), also written for the summary.
define END_PIECE
line="[$(1)] $(2): $${result:-OK}, $$(( $$(date +%s) - started )) s"; \
echo "$$line" > var/test/$(1)/$(2).result; \
if [ -z "$$result" ]; then echo "== $$line"; else echo "** $$line"; exit 1; fi
endef

$(filter-out %/pytest,$(SQLITE_PIECES)): test-sqlite/%:
	$(call RUN_UNITTEST,sqlite,$*,$(call sqlite_env,$*))
$(filter-out %/pytest,$(PG_PIECES)): test-postgresql/%:
	$(call RUN_UNITTEST,postgresql,$*,$(call pg_env,$*))
test-sqlite/pytest:
	$(call RUN_PYTEST,sqlite,$(call sqlite_env,pytest))
test-postgresql/pytest:
	$(call RUN_PYTEST,postgresql,$(call pg_env,pytest))

# $(1): pieces. Runs them TEST_JOBS at a time, every one even after a
# failure; the summary below decides.
RUN_PIECES = $(MAKE) --no-print-directory -j$(TEST_JOBS) -k -O $(1) || true

# $(1): pieces. The result line of each (the ones that failed or did not
# end marked **); fails if any did not pass.
define TEST_SUMMARY
@echo "== test summary"; failed=0; \
for piece in $(1); do \
    suite=$${piece%%/*}; suite=$${suite#test-}; name=$${piece#*/}; \
    line=$$(cat var/test/$$suite/$$name.result 2>/dev/null) \
        || line="[$$suite] $$name: did not end"; \
    case "$$line" in *": OK, "*) echo "   $$line";; \
        *) echo "** $$line"; failed=$$((failed + 1));; esac; \
done; \
if [ $$failed != 0 ]; then \
    echo "** $$failed of $(words $(1)) test pieces FAILED (their output is above)"; exit 1; fi
endef

# Tryton's PostgreSQL test cache is a set of template databases "test-<hash>"
# on the server: drop the previous run's before starting, and the test
# databases (test_<piece>, test_atelier_demo_...) a killed run left.
define DROP_PG_CACHE
import sys, psycopg
with psycopg.connect(sys.argv[1] + 'postgres', autocommit=True) as conn:
    names = [n for n, in conn.execute(
        "SELECT datname FROM pg_database "
        "WHERE datname LIKE 'test-%' OR datname LIKE 'test\\_%'")]
    for name in names:
        try:
            conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        except psycopg.Error as e:
            print(f'could not drop {name}: {e}', file=sys.stderr)
endef
export DROP_PG_CACHE

define PREPARE_SQLITE
@rm -rf var/test/sqlite && mkdir -p var/test/sqlite
endef

define PREPARE_PG
PG_PORT=$(PG_PORT) scripts/pg_start.sh
@$(PY) -c "$$DROP_PG_CACHE" '$(PG_URI)'
@rm -rf var/test/postgresql && mkdir -p var/test/postgresql
endef

test: $(DEV_STAMP) $(SAO_STAMP) $(PORTAL_ASSETS)
	$(PREPARE_SQLITE)
	@echo "== SQLite: $(TEST_PIECES), $(TEST_JOBS) at a time (TEST_JOBS)"
	@$(call RUN_PIECES,$(SQLITE_PIECES))
	$(call TEST_SUMMARY,$(SQLITE_PIECES))

test-postgresql: $(DEV_STAMP) $(SAO_STAMP) $(PORTAL_ASSETS)
	$(PREPARE_PG)
	@echo "== PostgreSQL: $(TEST_PIECES), $(TEST_JOBS) at a time (TEST_JOBS)"
	@$(call RUN_PIECES,$(PG_PIECES))
	$(call TEST_SUMMARY,$(PG_PIECES))

# Both suites in one pool of TEST_JOBS processes (what .ci/run runs): each
# piece once, to keep CI under 30 minutes (the machine's two cores are
# busy all along). The cross-addon tests of tests/ (a demo server over
# JSON-RPC, XML-RPC, REST and HTTP and the browser journeys) and the
# business addons powder_coating and account_fr_export (with their
# PostgreSQL-only HTTP tests) run on PostgreSQL, production's backend;
# saas_subscription, saas, saas_portal and the connector run on SQLite,
# two to three times faster for them (saas_subscription: 714 s on
# PostgreSQL, 306 s on SQLite; saas_portal's website journeys, PostgreSQL
# only, are left to `make test-postgresql`). `make test` runs everything on
# SQLite, `make test-postgresql` everything on PostgreSQL. The pieces start
# slowest first. CI took 29 min 42 s with saas_portal on PostgreSQL.
CI_SQLITE := saas_subscription saas saas_portal connector
CI_PIECES := $(filter-out $(addprefix test-postgresql/,$(CI_SQLITE)),$(PG_PIECES)) \
    $(filter $(addprefix test-sqlite/,$(CI_SQLITE)),$(SQLITE_PIECES))
test-all: $(DEV_STAMP) $(SAO_STAMP) $(PORTAL_ASSETS)
	$(PREPARE_SQLITE)
	$(PREPARE_PG)
	@echo "== CI: $(CI_PIECES), $(TEST_JOBS) at a time (TEST_JOBS)"
	@$(call RUN_PIECES,$(CI_PIECES))
	$(call TEST_SUMMARY,$(CI_PIECES))

# --- Housekeeping -------------------------------------------------------------

clean:
	rm -rf var/
