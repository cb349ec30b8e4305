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

# cadresim_precompile(<target> <header>...): precompile these headers for the target's sources,
# except the generated ones (embedded resources: data only).
function(cadresim_precompile target)
  if(NOT CADRESIM_PRECOMPILED_HEADERS)
    return()
  endif()
  target_precompile_headers(${target} PRIVATE ${ARGN})
  get_target_property(_sources ${target} SOURCES)
  foreach(_source IN LISTS _sources)
    if(_source MATCHES "/generated/")
      set_source_files_properties(${_source} TARGET_DIRECTORY ${target}
                                  PROPERTIES SKIP_PRECOMPILE_HEADERS ON)
    endif()
  endforeach()
endfunction()
