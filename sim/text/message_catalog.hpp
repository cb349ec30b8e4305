#pragma once
/// @file Internal to the message catalog: its parts live in files of their own
/// (sim/text/message_catalog_*.cpp), joined to the rest by message_catalog().

#include <span>  // std::span

#include "sim/text/messages.hpp"  // CatalogEntry

namespace cadresim::text {

/// The html.* messages of report.html.
std::span<const CatalogEntry> report_html_messages();
/// The story.* and lever.* messages of the stories (message_catalog_story.cpp).
std::span<const CatalogEntry> story_messages();
/// The page.* messages of the workspace page (message_catalog_page.cpp).
std::span<const CatalogEntry> page_messages();
/// The problem.* messages of scenario problems (message_catalog_problem.cpp).
std::span<const CatalogEntry> problem_messages();
/// The problem.* messages of the mechanism, structure and shock sections, variants, --set and
/// scripted changes (message_catalog_problem_sections.cpp).
std::span<const CatalogEntry> problem_section_messages();
/// The cli.* messages of the command line (message_catalog_cli.cpp).
std::span<const CatalogEntry> cli_messages();
/// The markov.* messages of the Markov reports' tables (message_catalog_markov.cpp).
std::span<const CatalogEntry> markov_messages();
/// The sweep.* and optimise.* messages of those commands' summaries and sweep.html
/// (message_catalog_sweep.cpp).
std::span<const CatalogEntry> sweep_messages();

}  // namespace cadresim::text
