#pragma once
/// @file The HTML report's resource files, embedded at build time by cmake/embed.cmake
/// (analysis/CMakeLists.txt): the page template, its styles and its script.

#include <string_view>  // std::string_view

namespace cadresim::embedded {

/// analysis/report/report.html.in
extern const std::string_view report_template;
/// analysis/report/report.css
extern const std::string_view report_css;
/// analysis/report/report.js
extern const std::string_view report_js;

}  // namespace cadresim::embedded
