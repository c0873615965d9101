# The two commands a new user needs: `make run` and `make test`.
# Each creates .venv on first use and installs what the project needs into it.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: run test lint server bench clean screenshots translations fonts-report

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit("Python 3.11 or newer is needed, found " + sys.version.split()[0]) if sys.version_info < (3, 11) else None'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev,server]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/hall-client --demo

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check hall_client server_stub resources tests bench
	$(BIN)/mypy

server: $(STAMP)
	$(BIN)/hall-server

clean:
	rm -rf $(VENV) build *.egg-info

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python docs/screenshots/take_all.py
	xvfb-run -a -s "-screen 0 1400x900x24" $(BIN)/python docs/screenshots/take.py
	xvfb-run -a -s "-screen 0 1400x900x24" $(BIN)/python docs/screenshots/take.py en
	xvfb-run -a -s "-screen 0 1400x900x24" $(BIN)/python docs/screenshots/take_cashier.py
	xvfb-run -a -s "-screen 0 1024x768x24" $(BIN)/python docs/screenshots/take_intake.py
	xvfb-run -a -s "-screen 0 1024x768x24" $(BIN)/python docs/screenshots/take_intake.py en
	xvfb-run -a -s "-screen 0 1400x900x24" $(BIN)/python docs/screenshots/take_names.py

# Refresh the English translation source after changing GUI strings, then translate the new
# entries in resources/i18n/hall_client_en.ts (Qt Linguist: .venv/bin/pyside6-linguist).
translations: $(STAMP)
	$(BIN)/pyside6-lupdate -no-obsolete hall_client/gui/*.py hall_client/gui/*/*.py -ts resources/i18n/hall_client_en.ts
	$(BIN)/pyside6-lrelease resources/i18n/hall_client_en.ts -qm resources/i18n/hall_client_en.qm

# The glyph-coverage report of the bundled fonts (a test checks it is current).
fonts-report: $(STAMP)
	$(BIN)/python -m hall_client.printing.font_report > docs/fonts.md
