// libFuzzer target: any bytes as a roster CSV, read through the whole roster path of the loader
// (strict CSV reader, columns, cell checks) on top of the training scenario. It must accept the
// roster or throw InvalidInput: never crash, hang, leak or throw anything else.
#include <unistd.h>  // getpid

#include <cstddef>     // std::size_t
#include <cstdint>     // std::uint8_t
#include <filesystem>  // the scratch folder
#include <fstream>     // writing the roster file
#include <string>
#include <system_error>  // std::error_code: removal never throws

#include "sim/scenario/csv.hpp"
#include "sim/scenario/loader.hpp"

namespace {
namespace fs = std::filesystem;

struct Setup {
  fs::path dir;
  nlohmann::json doc;
  Setup() {
    dir = fs::temp_directory_path() / ("cadresim-roster-fuzz-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    doc = cadresim::scenario::read_json_document(fs::path(CADRESIM_SOURCE_DIR) / "scenarios" /
                                                 "training" / "small-district.json");
    doc["population"]["roster"] = "roster.csv";
  }
  // Runs at the fuzzer's normal exit (-max_total_time, -runs); a crash keeps the folder.
  ~Setup() {
    std::error_code ignored;
    fs::remove_all(dir, ignored);
  }
  Setup(const Setup&) = delete;
  Setup& operator=(const Setup&) = delete;
};
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const Setup setup;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)cadresim::scenario::read_csv(text);  // the reader alone, without a file
  {
    std::ofstream out(setup.dir / "roster.csv", std::ios::binary | std::ios::trunc);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
  }
  try {
    (void)cadresim::scenario::build_scenario(setup.doc, "fuzz.json", setup.dir);
  } catch (const cadresim::scenario::InvalidInput&) {
  }
  return 0;
}
