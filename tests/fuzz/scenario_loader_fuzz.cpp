// libFuzzer target: any bytes as a scenario file. The strict reader and the whole loader
// (every section, the size limits) must either accept the document or throw InvalidInput:
// never crash, hang, leak, or throw anything else. Built with -DCADRESIM_FUZZ=ON (clang).
#include <cstddef>    // std::size_t
#include <cstdint>    // std::uint8_t
#include <cstdlib>    // std::abort
#include <exception>  // std::exception
#include <string_view>

#include "sim/scenario/loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const nlohmann::json doc = cadresim::scenario::parse_json_document(text, "fuzz.json");
    // A folder that does not exist: a roster path in the input is refused, never read.
    (void)cadresim::scenario::build_scenario(doc, "fuzz.json", "/nonexistent-cadresim-fuzz");
  } catch (const cadresim::scenario::InvalidInput&) {
    // the expected way to refuse
  }
  return 0;
}
