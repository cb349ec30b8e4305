// libFuzzer target: any bytes as a `cadresim markov` input, through the strict JSON reader and
// the Markov input checks. It must accept the input or throw InputError: never crash, hang,
// leak or throw anything else.
#include <cstddef>  // std::size_t
#include <cstdint>  // std::uint8_t
#include <string_view>

#include "analysis/markov/markov_input.hpp"
#include "sim/scenario/strict_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const cadresim::scenario::StrictJsonResult json = cadresim::scenario::parse_strict_json(text);
  if (!json.ok()) return 0;
  try {
    (void)cadresim::analysis::markov::parse_markov_input(json.value, "fuzz.json");
  } catch (const cadresim::analysis::markov::InputError&) {
  }
  return 0;
}
