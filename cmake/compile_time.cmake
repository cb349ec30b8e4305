# Compile time (docs/performance.md § Build and CI time): compiling is most of CI's length.
#
# Unity builds: each target's sources are compiled in batches of eight, one translation unit per
# batch, so the headers, and the inline and template code they bring (nlohmann/json's above all),
# are compiled once per batch instead of once per file. It took 46 % off the CPU time of the
# libraries, the CLI and the benchmarks in Release. Names at file scope (anonymous namespaces)
# must therefore differ between the files of one target: shared test helpers live in the areas'
# *_support.hpp headers.
# OFF compiles every file alone: with CADRESIM_PRECOMPILED_HEADERS=OFF, a check that each file
# includes what it uses and that no file leans on another's file-scope names. CI no longer builds
# that way (it cost about 3.5 minutes of a run over its budget); run it when moving includes or
# helpers.
option(CADRESIM_UNITY_BUILD "Compile each target's sources in batches (unity build)" ON)
set(CMAKE_UNITY_BUILD ${CADRESIM_UNITY_BUILD})

# Precompiled headers: nlohmann/json and GoogleTest take 2.5–3.5 s to parse in every translation
# unit that includes them (106 of the 196 include json), and compiling is most of CI's length
# (docs/performance.md § Build and CI time). Each target parses its set once; GCC then loads it in
# a fraction of a second.
# Not fmt: GCC 12 does not restore the optimisation pragmas fmt/core.h pushes at -O0 when it loads
# them from a precompiled header, and Eigen's _mm_prefetch then fails to compile in Debug builds.
# OFF builds every translation unit from its own includes: a check that each file includes what
# it uses, as the precompiled set is included in every file of the target.
option(CADRESIM_PRECOMPILED_HEADERS "Precompile the heavy third-party headers once per target" ON)

# The standard headers every set has (most files include them).
set(CADRESIM_PCH_STD <string> <vector> <map> <optional> <algorithm>)

# cadresim_precompile(<target> <header>...): precompile these headers for the target's sources.
# The generated ones (embedded resources: data only, each an array of the same name) are
# compiled alone, outside the precompiled set and the unity batches.
function(cadresim_precompile target)
  get_target_property(_sources ${target} SOURCES)
  foreach(_source IN LISTS _sources)
    if(_source MATCHES "/generated/")
      set_source_files_properties(${_source} TARGET_DIRECTORY ${target} PROPERTIES
                                  SKIP_PRECOMPILE_HEADERS ON SKIP_UNITY_BUILD_INCLUSION ON)
    endif()
  endforeach()
  if(NOT CADRESIM_PRECOMPILED_HEADERS)
    return()
  endif()
  target_precompile_headers(${target} PRIVATE ${ARGN})
endfunction()
