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

.PHONY: setup build python demo test golden bench clean

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

clean:
	rm -rf $(BUILD) $(VENV)
