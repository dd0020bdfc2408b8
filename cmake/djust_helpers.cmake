# Small helpers shared by every folder's CMakeLists.txt.

# Warnings for our own code only (never for system headers).
function(djust_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wno-unused-parameter)
endfunction()

# djust_test(NAME SOURCES... LIBS lib...): one GoogleTest executable registered with ctest.
function(djust_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_LIBS} GTest::gtest GTest::gtest_main)
  set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tests)
  djust_warnings(${name})
  include(GoogleTest)
  gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60
    PROPERTIES ENVIRONMENT "DJUST_SOURCE_DIR=${PROJECT_SOURCE_DIR}")
endfunction()
