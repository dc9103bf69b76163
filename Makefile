# Delegation planner: `make run` starts the app, `make test` runs every test headless.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
LANGS  := de zh_CN en
CATALOGS := $(foreach l,$(LANGS),translations/$(l)/LC_MESSAGES/planner.mo)

VERSION := $(shell sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml)
DIST_NAME := delegation-planner-$(VERSION)-linux-$(shell uname -m)

.PHONY: run test bench dist venv catalogs extract-messages clean

run: $(STAMP) catalogs
	$(BIN)/python main.py

# Two workers (pytest-xdist, each test on a fresh database of its own); the few tests that stop and start
# the database server run alone afterwards (marker "serial"). `make test TEST_WORKERS=0` runs in one process.
TEST_WORKERS ?= 2
test: $(STAMP) catalogs
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -n $(TEST_WORKERS) -m "not serial"
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -m serial

bench: $(STAMP) catalogs
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench

# A one-folder bundle that runs without Python (PyInstaller), as a Linux tarball with its desktop
# entry, AppStream file and icons; see docs/packaging.md for Windows and macOS.
dist: $(STAMP) catalogs
	$(BIN)/python tools/make_icons.py build/icons
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath build/dist --workpath build/pyinstaller \
	    install/pyinstaller/planner.spec
	sh install/linux/assemble.sh build/dist/delegation-planner build/icons dist/$(DIST_NAME)

venv: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,bench,dist]'
	touch $@

catalogs: $(CATALOGS)

translations/%/LC_MESSAGES/planner.mo: translations/%/LC_MESSAGES/planner.po $(STAMP)
	$(BIN)/pybabel -q compile -D planner -i $< -o $@

# Re-extract every user-visible string into the template and merge it into each language.
extract-messages: $(STAMP)
	$(BIN)/pybabel -q extract -F babel.cfg -k N_ -k _ -k ngettext:1,2 -k Nn_:1,2 --sort-by-file \
	    --project=delegation-planner --copyright-holder="Delegation planner developers" \
	    -o translations/planner.pot planner
	for l in $(LANGS); do \
	    if [ -f translations/$$l/LC_MESSAGES/planner.po ]; then \
	        $(BIN)/pybabel -q update -D planner -l $$l -i translations/planner.pot -d translations --no-fuzzy-matching --ignore-obsolete; \
	    else \
	        $(BIN)/pybabel -q init -D planner -l $$l -i translations/planner.pot -d translations; \
	    fi; \
	done
	$(BIN)/python tools/fill_english_catalog.py translations/en/LC_MESSAGES/planner.po

clean:
	rm -rf $(VENV) translations/*/LC_MESSAGES/*.mo .pytest_cache build dist
