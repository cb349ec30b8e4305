#pragma once
/// @file The message catalog as analysis and the layers above name it: the catalog itself is the
/// leaf library sim/text (sim/text/messages.hpp), below sim/scenario, so that scenario problems
/// are texts of the same catalog.

#include <string>  // std::string

#include "sim/kernel/calendar.hpp"  // kernel::Day, kernel::split
#include "sim/text/formats.hpp"     // short_date, long_date, format_number
#include "sim/text/messages.hpp"

namespace cadresim::analysis {

using text::CatalogEntry;
using text::decimal_mark;
using text::format_number;
using text::Lang;
using text::lang_code;
using text::message_catalog;
using text::parse_lang;
using text::thousands_separator;
using text::tr;
using text::trf;

/// Day `d` as a fixed-width date in `lang`'s convention: "01 Jul 2020" (en), "01/07/2020" (vi).
inline std::string short_date(Lang lang, kernel::Day d) {
  const kernel::Ymd ymd = kernel::split(d);
  return text::short_date(lang, ymd.year, static_cast<int>(ymd.month), static_cast<int>(ymd.day));
}

}  // namespace cadresim::analysis
