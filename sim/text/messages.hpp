#pragma once
/// @file The message catalog: every user-facing text (summary, report.html, stories, the
/// workspace page, the CLI's messages, scenario problems) in English and Vietnamese, keyed by a
/// message id ("summary.period"). A leaf library (it depends on fmt only), so that every layer,
/// sim/scenario included, can name its texts by id. The texts are in sim/text/message_catalog*.cpp;
/// a test fails when a key lacks a language or is used nowhere (docs/architecture.md § Messages
/// and languages). report.json and series.csv stay language-neutral.

#include <fmt/format.h>  // fmt::format, fmt::runtime

#include <optional>     // std::optional
#include <span>         // std::span
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <utility>      // std::forward

namespace cadresim::text {

/// The language of the human-readable outputs.
enum class Lang { kEn, kVi };

/// "en" → kEn, "vi" → kVi; anything else → nullopt.
std::optional<Lang> parse_lang(std::string_view code);
/// kEn → "en", kVi → "vi".
std::string_view lang_code(Lang lang);

/// One message: its id and its text in each language. Texts may hold fmt placeholders ("{}"),
/// the same number in each language.
struct CatalogEntry {
  std::string_view id;
  std::string_view en;
  std::string_view vi;
};

/// Every message, in the catalog's order.
std::span<const CatalogEntry> message_catalog();

/// The text of message `id` in `lang`. An unknown id is a bug: std::logic_error naming it.
std::string_view tr(Lang lang, std::string_view id);

/// The message `id` in `lang` with its placeholders filled by fmt.
template <class... Args>
std::string trf(Lang lang, std::string_view id, Args&&... args) {
  return fmt::format(fmt::runtime(tr(lang, id)), std::forward<Args>(args)...);
}

/// The thousands separator and the decimal mark of `lang`: en "41,566.6", vi "41.566,6".
char thousands_separator(Lang lang);
char decimal_mark(Lang lang);

}  // namespace cadresim::text
