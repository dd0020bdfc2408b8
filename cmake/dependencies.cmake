# Finds the system libraries djust builds against (all Debian packages; ./dev installs them).
find_package(Threads REQUIRED)
find_package(GTest REQUIRED)
find_package(benchmark QUIET)
find_package(OpenSSL REQUIRED)
find_package(ZLIB REQUIRED)
find_package(Boost 1.74 REQUIRED COMPONENTS system)
find_package(msgpack-cxx CONFIG QUIET)
if(NOT TARGET msgpack-cxx)
  find_path(MSGPACK_INCLUDE_DIR msgpack.hpp REQUIRED)
  add_library(msgpack-cxx INTERFACE IMPORTED)
  target_include_directories(msgpack-cxx INTERFACE ${MSGPACK_INCLUDE_DIR})
endif()
find_package(Protobuf REQUIRED)

# CAF 0.17 (Debian libcaf-dev) ships no CMake config: find it by hand.
find_path(CAF_INCLUDE_DIR caf/all.hpp REQUIRED)
find_library(CAF_CORE_LIBRARY caf_core REQUIRED)
find_library(CAF_IO_LIBRARY caf_io REQUIRED)
add_library(caf::core SHARED IMPORTED)
set_target_properties(caf::core PROPERTIES
  IMPORTED_LOCATION ${CAF_CORE_LIBRARY}
  INTERFACE_INCLUDE_DIRECTORIES ${CAF_INCLUDE_DIR}
  INTERFACE_LINK_LIBRARIES Threads::Threads)
add_library(caf::io SHARED IMPORTED)
set_target_properties(caf::io PROPERTIES
  IMPORTED_LOCATION ${CAF_IO_LIBRARY}
  INTERFACE_LINK_LIBRARIES caf::core)

# hiredis (multi-node only) through pkg-config.
find_package(PkgConfig QUIET)
if(PkgConfig_FOUND)
  pkg_check_modules(HIREDIS IMPORTED_TARGET hiredis)
endif()

# jemalloc for the server and load generator binaries: thousands of views allocating from
# several actor threads. Measured with the presence scenario (5,000 sessions in one room):
# broadcast delivery p50 135 -> 96 ms, p99 278 -> 233 ms over glibc malloc.
find_package(PkgConfig REQUIRED)
pkg_check_modules(JEMALLOC REQUIRED IMPORTED_TARGET jemalloc)
