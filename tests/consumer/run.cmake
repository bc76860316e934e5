# Builds tests/consumer against this build of plainlang, as ctest's
# consumer_find_package and consumer_add_subdirectory (CMakeLists.txt):
#
#   cmake -DMODE=find_package|add_subdirectory -DPLAINLANG_SOURCE_DIR=...
#         -DPLAINLANG_BUILD_DIR=... -DGENERATOR=... -DMAKE_PROGRAM=...
#         -DCXX_COMPILER=... -DBUILD_TYPE=... -DVERSION=... -P run.cmake
#
# find_package: installs the build into a fresh prefix, builds the consumer
# with CMAKE_PREFIX_PATH=<prefix>, runs it and compares its output with
# expected_output.txt. add_subdirectory: configures the consumer over the
# source tree (its CMakeLists.txt checks that no test, benchmark or command
# target comes along) and compiles main.cc against the subproject's include
# paths; the library itself is the one this build already compiles, so it
# is not built a second time.
cmake_minimum_required(VERSION 3.22)

string(RANDOM LENGTH 8 ALPHABET 0123456789abcdef run_id)
set(work "${PLAINLANG_BUILD_DIR}/consumer_test/${MODE}-${run_id}")
file(REMOVE_RECURSE "${work}")
file(MAKE_DIRECTORY "${work}")

# Runs one step; on failure prints its output and stops, keeping ${work}.
function(step name)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(NOT status EQUAL 0)
    string(REPLACE ";" " " command "${ARGN}")
    message(FATAL_ERROR "consumer test: ${name} failed (${status}):\n${command}\n${out}\n"
                        "Its files are kept in ${work}")
  endif()
  set(step_output "${out}" PARENT_SCOPE)
endfunction()

set(configure ${CMAKE_COMMAND} -S "${PLAINLANG_SOURCE_DIR}/tests/consumer" -B "${work}/build"
    -G "${GENERATOR}" "-DCMAKE_MAKE_PROGRAM=${MAKE_PROGRAM}"
    "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF)

if(MODE STREQUAL "find_package")
  set(prefix "${work}/prefix")
  step("cmake --install" ${CMAKE_COMMAND} --install "${PLAINLANG_BUILD_DIR}" --prefix "${prefix}")
  step("configuring the consumer" ${configure} "-DCMAKE_BUILD_TYPE=${BUILD_TYPE}"
       "-DCMAKE_PREFIX_PATH=${prefix}")
  # The package found must be the one just installed, not one elsewhere.
  file(STRINGS "${work}/build/CMakeCache.txt" found REGEX "^plainlang_DIR:")
  string(FIND "${found}" "${prefix}/" at)
  if(NOT at GREATER 0)
    message(FATAL_ERROR "consumer test: find_package took ${found}, not the one in ${prefix}")
  endif()
  step("building the consumer" ${CMAKE_COMMAND} --build "${work}/build")
  step("running the consumer" "${work}/build/plainlang_consumer")
  file(READ "${PLAINLANG_SOURCE_DIR}/tests/consumer/expected_output.txt" expected)
  string(REPLACE "@VERSION@" "${VERSION}" expected "${expected}")
  if(NOT step_output STREQUAL expected)
    message(FATAL_ERROR "consumer test: the consumer printed\n${step_output}\ninstead of\n"
                        "${expected}\nIts files are kept in ${work}")
  endif()
  message(STATUS "installed package: built and ran the consumer, output as expected")
elseif(MODE STREQUAL "add_subdirectory")
  step("configuring the consumer over the source tree" ${configure}
       "-DPLAINLANG_SOURCE_DIR=${PLAINLANG_SOURCE_DIR}")
  if(GENERATOR STREQUAL "Ninja")
    step("compiling the consumer" ${CMAKE_COMMAND} --build "${work}/build"
         --target CMakeFiles/plainlang_consumer.dir/main.cc.o)
  endif()
  message(STATUS "add_subdirectory: the library alone, and the consumer compiles against it")
else()
  message(FATAL_ERROR "consumer test: MODE must be find_package or add_subdirectory")
endif()
file(REMOVE_RECURSE "${work}")
