// The self-contained HTML report. (Charts: see the full implementation notes in docs/cli.md.)
#include <fmt/core.h>

#include "analysis/report.hpp"

namespace cadresim::analysis {

std::string report_html(const nlohmann::json& report) {
  std::string data = report.dump();
  // Keep the inline JSON from closing the script element.
  std::string safe;
  for (std::size_t i = 0; i < data.size(); ++i) {
    if (data[i] == '<') safe += "\\u003c";
    else safe += data[i];
  }
  return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>cadresim report</title></head><body>"
         "<h1>cadresim report</h1><pre id=\"summary\"></pre><script id=\"data\" type=\"application/json\">" +
         safe + "</script></body></html>\n";
}

}  // namespace cadresim::analysis
