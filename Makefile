# The two front-door commands (see README.md):
#   make demo   set up, build, and check an example message
#   make test   set up, build, and run every test
BUILD ?= build
JOBS ?= $(shell nproc)

# Debian packages the build needs; `make setup` installs the missing ones.
APT_PACKAGES := cmake ninja-build g++ pkg-config libicu-dev libre2-dev libeigen3-dev \
  libgtest-dev libbenchmark-dev nlohmann-json3-dev libcli11-dev libcpp-httplib-dev \
  pybind11-dev python3

.PHONY: setup build demo test golden bench clean

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

test: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

# Rewrites tests/golden/*.json from the current engine; review the diff.
golden: build
	PLAINLANG_UPDATE_GOLDEN=1 ./$(BUILD)/golden_test

bench: build
	./$(BUILD)/analyze_benchmark --benchmark_repetitions=5 --benchmark_report_aggregates_only=true

clean:
	rm -rf $(BUILD)
