# Turns a file into a C++ source holding its bytes, so the binary carries it.
# Usage: cmake -DINPUT=... -DOUTPUT=... -DSYMBOL=... -P embed.cmake
file(READ "${INPUT}" _hex HEX)
string(LENGTH "${_hex}" _len)
math(EXPR _n "${_len} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," _bytes "${_hex}")
file(WRITE "${OUTPUT}.tmp"
"// Generated from ${INPUT} by cmake/embed.cmake; do not edit.\n#include <string_view>\nnamespace cadresim::embedded {\nstatic const unsigned char data[] = {${_bytes} 0};\nextern const std::string_view ${SYMBOL}(reinterpret_cast<const char*>(data), ${_n});\n}\n")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
