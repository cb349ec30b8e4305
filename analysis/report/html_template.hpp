#pragma once
/// @file A minimal page template for the HTML report (analysis/report/report.html.in): the page's
/// fixed markup lives in the resource file and the C++ supplies only values and flags.

#include <functional>   // std::less (heterogeneous lookup)
#include <map>          // std::map
#include <string>       // std::string
#include <string_view>  // std::string_view

namespace cadresim::analysis::html {

/// Values by placeholder name; inserted as given (escape them first where needed).
using TemplateValues = std::map<std::string, std::string_view, std::less<>>;
/// Flags by section name.
using TemplateFlags = std::map<std::string, bool, std::less<>>;

/// Fills `tpl`: `{{name}}` becomes values[name]; `{{#flag}}...{{/flag}}` keeps its content only
/// when flags[flag] is true (sections may nest, not with the same name); `{{! ... !}}` is
/// dropped, with one line end right after it. Values are never scanned for tags. Throws
/// std::logic_error for an unknown name or flag, a stray `{{/flag}}` or an unclosed tag: a bug
/// in the template or its caller, not in the user's input.
std::string fill_template(std::string_view tpl, const TemplateValues& values,
                          const TemplateFlags& flags);

}  // namespace cadresim::analysis::html
