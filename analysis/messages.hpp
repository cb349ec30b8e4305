#pragma once
/// @file The message catalog as analysis and the layers above name it: the catalog itself is the
/// leaf library sim/text (sim/text/messages.hpp), below sim/scenario, so that scenario problems
/// are texts of the same catalog.

#include "sim/text/messages.hpp"

namespace cadresim::analysis {

using text::CatalogEntry;
using text::decimal_mark;
using text::Lang;
using text::lang_code;
using text::message_catalog;
using text::parse_lang;
using text::thousands_separator;
using text::tr;
using text::trf;

}  // namespace cadresim::analysis
