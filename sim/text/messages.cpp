// Looking up the message catalog (sim/text/message_catalog.cpp holds the texts).
#include "sim/text/messages.hpp"

#include <fmt/args.h>  // fmt::dynamic_format_arg_store

#include <stdexcept>      // std::logic_error
#include <unordered_map>  // id → entry

namespace cadresim::text {

std::optional<Lang> parse_lang(std::string_view code) {
  if (code == "en") return Lang::kEn;
  if (code == "vi") return Lang::kVi;
  return std::nullopt;
}

std::string_view lang_code(Lang lang) {
  return lang == Lang::kVi ? "vi" : "en";
}

std::string_view tr(Lang lang, std::string_view id) {
  static const std::unordered_map<std::string_view, const CatalogEntry*> index = [] {
    std::unordered_map<std::string_view, const CatalogEntry*> m;
    for (const CatalogEntry& e : message_catalog()) m.emplace(e.id, &e);
    return m;
  }();
  const auto it = index.find(id);
  if (it == index.end())
    throw std::logic_error("no message \"" + std::string(id) + "\" in the catalog");
  return lang == Lang::kVi ? it->second->vi : it->second->en;
}

std::string render(Lang lang, const Message& m) {
  if (m.id.empty()) return m.args.empty() ? std::string() : m.args.front().value;
  fmt::dynamic_format_arg_store<fmt::format_context> store;
  for (const MessageArg& a : m.args)
    store.push_back(a.nested  ? render(lang, *a.nested)
                    : a.is_id ? std::string(tr(lang, a.value))
                              : a.value);
  return fmt::vformat(tr(lang, m.id), store);
}

char thousands_separator(Lang lang) {
  return lang == Lang::kVi ? '.' : ',';
}

char decimal_mark(Lang lang) {
  return lang == Lang::kVi ? ',' : '.';
}
std::string_view list_separator(Lang lang) {
  return lang == Lang::kVi ? "; " : ", ";
}

}  // namespace cadresim::text
