#pragma once
/// @file Internal to the message catalog: its report.html part lives in a file of its own
/// (analysis/message_catalog_html.cpp), joined to the rest by message_catalog().

#include <span>  // std::span

#include "analysis/messages.hpp"  // CatalogEntry

namespace cadresim::analysis {

/// The html.* messages of report.html.
std::span<const CatalogEntry> report_html_messages();

}  // namespace cadresim::analysis
