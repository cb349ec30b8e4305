// The workspace page's dictionary made from the message catalog (workspace/page_words.hpp).
#include "workspace/page_words.hpp"

#include <nlohmann/json.hpp>

#include <string_view>  // std::string_view

#include "analysis/messages.hpp"  // message_catalog

namespace cadresim::workspace {

std::string page_words_script() {
  nlohmann::json en = nlohmann::json::object(), vi = nlohmann::json::object();
  // The catalog's group prefix and the page's key prefix for it.
  constexpr std::pair<std::string_view, std::string_view> kGroups[] = {
      {"page.", ""}, {"metric.", "m_"}, {"lever.", "t_"}};
  for (const auto& e : analysis::message_catalog())
    for (const auto& [group, page_prefix] : kGroups)
      if (e.id.starts_with(group)) {
        const std::string key = std::string(page_prefix) + std::string(e.id.substr(group.size()));
        en[key] = std::string(e.en);
        vi[key] = std::string(e.vi);
      }
  return "// The workspace page's words, made by the server from cadresim's message catalog.\n"
         "window.CADRESIM_I18N = " +
         nlohmann::json{{"en", en}, {"vi", vi}}.dump() + ";\n";
}

}  // namespace cadresim::workspace
