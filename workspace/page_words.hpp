#pragma once
/// @file The workspace page's words, from the message catalog (sim/text): the script the server
/// sends as /i18n.js, made once at startup. The page looks its words up in it (app.js t()).

#include <string>  // std::string

namespace cadresim::workspace {

/// "window.CADRESIM_I18N = {"en": {...}, "vi": {...}};": every page.* text under its id without
/// "page.", every metric.* text as "m_<metric>" and every lever.* text as "t_<lever>" (one
/// vocabulary with the summary, report.html and the stories). Keys and texts are JSON-escaped.
std::string page_words_script();

}  // namespace cadresim::workspace
