#pragma once
/// @file The message catalog: every user-facing text (summary, report.html, stories, the
/// workspace page, the CLI's messages, scenario problems) in English and Vietnamese, keyed by a
/// message id ("summary.period"). A leaf library (it depends on fmt only), so that every layer,
/// sim/scenario included, can name its texts by id. The texts are in sim/text/message_catalog*.cpp;
/// a test fails when a key lacks a language or is used nowhere (docs/architecture.md § Messages
/// and languages). report.json and series.csv stay language-neutral.

#include <fmt/format.h>  // fmt::format, fmt::runtime

#include <memory>       // std::shared_ptr (MessageArg::nested)
#include <optional>     // std::optional
#include <span>         // std::span
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <type_traits>  // std::is_same_v
#include <utility>      // std::forward
#include <vector>       // Message::args

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

struct Message;

/// A value filled into a Message: text as it is (a name, a number already formatted), or
/// (`is_id`) a catalog id whose text is filled in the message's language, or (`nested` set) a
/// whole message rendered in the message's language (a problem wrapped in "from DATE: ...").
struct MessageArg {
  std::string value;
  bool is_id = false;
  std::shared_ptr<const Message> nested = nullptr;
};

/// A catalog text and its values, kept to be rendered in a language later: a scenario problem
/// carries one, so that the command line can print it in ui_lang() while tests and logs read
/// its English. An empty id means a text without a catalog row: args[0] as it is.
struct Message {
  std::string id;
  std::vector<MessageArg> args;
};

/// The catalog id `id` as a value of a Message (rendered in the message's language).
inline MessageArg text_arg(std::string_view id) {
  return {std::string(id), true, nullptr};
}

/// The message `m` as a value of another Message (rendered in that message's language).
inline MessageArg message_arg(Message m) {
  return {std::string(), false, std::make_shared<const Message>(std::move(m))};
}

/// A Message of catalog id `id`: each value is formatted by fmt ("{}") now, except MessageArgs.
template <class... Args>
Message message(std::string_view id, Args&&... args) {
  Message m{std::string(id), {}};
  m.args.reserve(sizeof...(Args));
  [[maybe_unused]] const auto add = [&m](auto&& a) {
    if constexpr (std::is_same_v<std::decay_t<decltype(a)>, MessageArg>)
      m.args.push_back(a);
    else
      m.args.push_back({fmt::format("{}", a), false, nullptr});
  };
  (add(std::forward<Args>(args)), ...);
  return m;
}

/// A Message without a catalog row (a text that exists in English only, e.g. a library's).
inline Message untranslated(std::string text) {
  return {std::string(), {{std::move(text), false, nullptr}}};
}

/// `m` in `lang`: its text with the values filled in order (ids among them in `lang` too).
std::string render(Lang lang, const Message& m);

/// The thousands separator and the decimal mark of `lang`: en "41,566.6", vi "41.566,6".
char thousands_separator(Lang lang);
char decimal_mark(Lang lang);
/// What parts the items of a list of numbers, and an interval's bounds, in `lang`: ", " in
/// English, "; " in Vietnamese, whose decimal mark is the comma ("1,5 [1,2; 1,8]").
std::string_view list_separator(Lang lang);

}  // namespace cadresim::text
