#include "sim/scenario/input_paths.hpp"

#include <fmt/core.h>  // fmt::format

#include <cstdlib>       // std::getenv
#include <system_error>  // std::error_code

namespace cadresim::scenario {

namespace fs = std::filesystem;

namespace {
/// True when `path` is `root` or below it (both canonical).
bool is_within(const fs::path& path, const fs::path& root) {
  auto p = path.begin();
  for (auto r = root.begin(); r != root.end(); ++r, ++p) {
    if (r->empty()) continue;  // a trailing separator
    if (p == path.end() || *p != *r) return false;
  }
  return true;
}
}  // namespace

std::vector<fs::path> allowed_roots(const fs::path& top_dir) {
  std::vector<fs::path> roots;
  auto add = [&](const fs::path& dir) {
    std::error_code ec;
    const fs::path canonical = fs::weakly_canonical(fs::absolute(dir, ec), ec);
    if (!ec && !canonical.empty()) roots.push_back(canonical);
  };
  add(top_dir.empty() ? fs::path(".") : top_dir);
  if (const char* extra = std::getenv("CADRESIM_SCENARIO_PATH")) {
    std::string_view list(extra);
    while (!list.empty()) {
      const std::size_t colon = list.find(':');
      const std::string_view item = list.substr(0, colon);
      if (!item.empty()) add(fs::path(std::string(item)));
      if (colon == std::string_view::npos) break;
      list.remove_prefix(colon + 1);
    }
  }
  return roots;
}

std::optional<fs::path> check_referenced_file(const fs::path& path, std::string_view written,
                                              std::string_view extension,
                                              const std::vector<fs::path>& roots,
                                              std::string_view role, text::Message& error) {
  const text::MessageArg what = text::text_arg(role);
  if (path.extension() != extension) {
    error = text::message("problem.path.extension", what, written, extension.substr(1), extension);
    return std::nullopt;
  }
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (status.type() == fs::file_type::not_found) {
    error = text::message("problem.path.missing", what, written);
    return std::nullopt;
  }
  if (ec) {
    error = text::message("problem.path.cannot_access", what, written, ec.message());
    return std::nullopt;
  }
  if (!fs::is_regular_file(status)) {
    error = text::message("problem.path.not_regular", what, written);
    return std::nullopt;
  }
  const fs::path canonical = fs::canonical(path, ec);
  if (ec) {
    error = text::message("problem.path.cannot_resolve", what, written, ec.message());
    return std::nullopt;
  }
  for (const fs::path& root : roots)
    if (is_within(canonical, root)) return canonical;
  for (const fs::path& part : canonical.parent_path())
    if (part == "scenarios") return canonical;
  error = text::message("problem.path.outside", what, written,
                        roots.empty() ? text::text_arg("problem.path.the_scenario")
                                      : text::MessageArg{roots.front().string()});
  return std::nullopt;
}

}  // namespace cadresim::scenario
