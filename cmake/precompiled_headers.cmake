# Precompiled headers: nlohmann/json, GoogleTest and fmt take 1.5–3.5 s to parse in every
# translation unit that includes them (106 of the 196 include json), which was a third of each
# build's compile time and made CI's three builds (Release, sanitizers, fuzz) most of its length.
# Each target parses its set once; GCC and clang then load it in a fraction of a second.
# OFF builds every translation unit from its own includes: a check that each file includes what
# it uses, as the precompiled set is included in every file of the target.
option(CADRESIM_PRECOMPILED_HEADERS "Precompile the heavy third-party headers once per target" ON)

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
