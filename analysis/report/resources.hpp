#pragma once
/// @file The HTML report's resource files, embedded at build time by cmake/embed.cmake
/// (analysis/CMakeLists.txt): the page template, its styles, its scripts and Chart.js.

#include <string_view>  // std::string_view

namespace cadresim::embedded {

/// analysis/report/report.html.in
extern const std::string_view report_template;
/// analysis/report/report.css
extern const std::string_view report_css;
/// analysis/report/charts.js: the reusable charting module (window.CadresimCharts) on Chart.js.
extern const std::string_view charts_js;
/// analysis/report/report.js: draws report.html's charts from the embedded data with charts.js.
extern const std::string_view report_js;
/// Chart.js 3 (minified, with its MIT licence header), from Debian's libjs-chart.js
/// (CMake cache variable CADRESIM_CHARTJS).
extern const std::string_view chartjs;

}  // namespace cadresim::embedded
