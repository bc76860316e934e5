# The two front-door commands (see README.md):
#   make demo   set up, build, and check an example message
#   make test   set up, build, and run every test (C++ and Python)
BUILD ?= build
JOBS ?= $(shell nproc)
# The Python package is installed here from this tree (pip install .).
VENV ?= .venv
PYTHON ?= python3

# Debian packages the build needs; `make setup` installs the missing ones.
APT_PACKAGES := cmake ninja-build g++ pkg-config libicu-dev libre2-dev libeigen3-dev \
  libgtest-dev libbenchmark-dev nlohmann-json3-dev libcli11-dev libcpp-httplib-dev \
  pybind11-dev python3 python3-dev python3-venv

# `make test` also checks the HTTP service against openapi.yaml with
# schemathesis, installed from PyPI into its own venv (its pinned hypothesis
# must not meet the package's test dependencies).
SCHEMATHESIS ?= schemathesis==4.32.5
SCHEMATHESIS_VENV ?= $(BUILD)/schemathesis-venv

.PHONY: setup build python demo test test-http golden bench bench-http clean

setup:
	@missing=""; \
	for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "make setup: installing$$missing"; \
	  sudo=""; [ "$$(id -u)" -eq 0 ] || sudo=sudo; \
	  $$sudo apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends $$missing; \
	fi

build: setup
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release
	cmake --build $(BUILD) -j $(JOBS)

# Exit status 1 only means the example misses its targets, which it is meant to.
demo: build
	./$(BUILD)/plainlang check examples/portal_message.txt; test $$? -le 1

# Installs the package into $(VENV) with `pip install .`, which runs this
# CMake through scikit-build-core (pyproject.toml). The build tools are put in
# the venv and the build folder is kept, so a second run only recompiles
# what changed; the versions match pyproject.toml's [build-system].
python: setup
	test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install -q "scikit-build-core>=0.10" "pybind11>=2.12"
	$(VENV)/bin/python -m pip install -q --no-build-isolation -C build-dir=$(BUILD)/python ".[test]"

# The Python tests import the installed package and compare it with this
# build's command.
test: build python
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)
	PLAINLANG_CLI="$(abspath $(BUILD))/plainlang" $(VENV)/bin/python -m pytest
	$(MAKE) --no-print-directory test-http

# Starts `plainlang serve` on a free loopback port, runs schemathesis against
# openapi.yaml (30 examples per route, fixed seed), stops it with SIGTERM.
test-http: build
	test -f $(SCHEMATHESIS_VENV)/.installed-$(SCHEMATHESIS) || { \
	  $(PYTHON) -m venv $(SCHEMATHESIS_VENV) && \
	  $(SCHEMATHESIS_VENV)/bin/python -m pip install -q "$(SCHEMATHESIS)" && \
	  touch "$(SCHEMATHESIS_VENV)/.installed-$(SCHEMATHESIS)"; }
	$(PYTHON) tests/http/check_openapi.py --plainlang $(BUILD)/plainlang \
	  --schemathesis $(SCHEMATHESIS_VENV)/bin/schemathesis --max-examples 30

# Rewrites tests/golden/*.json from the current engine; review the diff.
golden: build
	PLAINLANG_UPDATE_GOLDEN=1 ./$(BUILD)/golden_test

bench: build
	./$(BUILD)/analyze_benchmark --benchmark_repetitions=5 --benchmark_report_aggregates_only=true

# wrk against POST /v1/analyze with a fictional 1 KB message on loopback;
# figures and the machine they came from are in benchmarks/README.md.
BENCH_THREADS ?= $(JOBS)
BENCH_SECONDS ?= 10
bench-http: build
	@command -v wrk >/dev/null || { sudo=""; [ "$$(id -u)" -eq 0 ] || sudo=sudo; \
	  $$sudo apt-get update -qq && $$sudo apt-get install -y -qq --no-install-recommends wrk; }
	@./$(BUILD)/plainlang serve --port 0 --threads $(BENCH_THREADS) 2>$(BUILD)/bench-http.log & \
	server=$$!; trap 'kill $$server 2>/dev/null' EXIT; \
	for i in $$(seq 100); do grep -q 'listening on' $(BUILD)/bench-http.log && break; sleep 0.05; done; \
	port=$$(sed -n 's|.*listening on http://127.0.0.1:\([0-9]*\)/.*|\1|p' $(BUILD)/bench-http.log); \
	url=http://127.0.0.1:$$port/v1/analyze; \
	wrk -t2 -c$(BENCH_THREADS) -d1s -s benchmarks/http_analyze.lua $$url >/dev/null; \
	for c in $(BENCH_THREADS) 16 64; do \
	  echo "== $$c connections, $(BENCH_THREADS) workers"; \
	  wrk -t2 -c$$c -d$(BENCH_SECONDS)s --latency -s benchmarks/http_analyze.lua $$url \
	    | grep -E 'Requests/sec|p50|errors'; \
	done

clean:
	rm -rf $(BUILD) $(VENV)
