#pragma once
/// @file Reading the workspace's requests as strictly as a scenario file: strict JSON (no
/// duplicate keys, bounded size and depth), unknown keys refused, every number in range, scenario
/// paths confined to the scenario folder. A problem is a RequestError with an HTTP status, the
/// JSON pointer in the request and a plain sentence; the HTTP layer sends it as a JSON body.

#include <nlohmann/json.hpp>

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint64_t
#include <filesystem>   // std::filesystem::path
#include <optional>     // RequestError's catalog message
#include <stdexcept>    // std::runtime_error
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include "sim/text/messages.hpp"  // text::Message, text::Lang: a refusal in the page's language

namespace cadresim::workspace {

/// Bounds on what a browser may ask of the server (docs/reliability.md § The workspace server).
struct Limits {
  std::size_t max_body_bytes = 256 * 1024;  ///< one request body
  std::size_t max_depth = 16;               ///< nesting of a request body
  std::size_t max_replications = 2000;      ///< per scenario of one run
  std::size_t max_queued_runs = 8;          ///< runs waiting or running
  std::size_t max_kept_runs = 32;           ///< finished runs kept for the page to read
  std::size_t max_rooms = 16;               ///< rooms of teams
  std::size_t max_teams = 12;               ///< teams in one room
  std::size_t max_text_bytes = 80;          ///< a team name, a label, a cadre id
  std::size_t max_scenarios_listed = 500;   ///< files listed from the scenario folder
};

/// A request the server refuses: HTTP status (400, 404, 409, 413, 429 …), where and why.
class RequestError : public std::runtime_error {
 public:
  RequestError(int status, std::string pointer, const std::string& message)
      : std::runtime_error(message), status_(status), pointer_(std::move(pointer)) {}
  /// A refusal worded by the message catalog (a scenario problem), so that the answer can be in
  /// the language of the page that asked; what() is its English.
  RequestError(int status, std::string pointer, text::Message message);
  /// HTTP status to answer with.
  int status() const { return status_; }
  /// JSON pointer into the request body ("" for the whole request).
  const std::string& pointer() const { return pointer_; }
  /// The sentence in `lang` on one line: the catalog message's, else what() (English only).
  std::string message_in(text::Lang lang) const;

 private:
  int status_;
  std::string pointer_;
  std::optional<text::Message> text_;
};

/// {"error": {"status", "pointer", "message"}}: the body of every refused request.
nlohmann::json error_json(int status, const std::string& pointer, const std::string& message);

/// Parses a request body strictly (sim/scenario strict JSON with the request limits); it must be
/// a JSON object. Throws RequestError (400 with the pointer and line/column, 413 when too large).
nlohmann::json parse_request_body(std::string_view body, const Limits& limits);

/// `key` escaped as one JSON pointer token (RFC 6901: ~ → ~0, / → ~1).
std::string pointer_token(const std::string& key);

/// Throws RequestError 400 at `pointer`/key for the first key of `object` not in `allowed`
/// ("$comment" is allowed everywhere, as in scenario files).
void refuse_unknown_keys(const nlohmann::json& object, const std::string& pointer,
                         const std::vector<std::string_view>& allowed);

/// A string member: required or `fallback`, non-empty, at most `max_bytes`, valid UTF-8, no
/// control characters.
std::string read_text(const nlohmann::json& object, const std::string& pointer,
                      const std::string& key, std::size_t max_bytes, const char* fallback);
/// An unsigned integer member in [min, max], or `fallback` when absent.
std::uint64_t read_count(const nlohmann::json& object, const std::string& pointer,
                         const std::string& key, std::uint64_t min, std::uint64_t max,
                         std::uint64_t fallback);
/// A number member in [min, max], or `fallback` when absent.
double read_number(const nlohmann::json& object, const std::string& pointer, const std::string& key,
                   double min, double max, double fallback);

/// A scenario named by the browser: a relative path of `.json` files below `folder` (no "..",
/// no absolute path, no hidden part, symbolic links resolved and still inside). Throws
/// RequestError 400 (bad form) or 404 (no such scenario) at `pointer`.
std::filesystem::path resolve_scenario_path(const std::filesystem::path& folder,
                                            const std::string& relative,
                                            const std::string& pointer);

/// A run asked for by the page.
struct RunRequest {
  std::string scenario;           ///< path relative to the scenario folder
  nlohmann::json levers;          ///< {"support": {...}, "flows": {...}} (may be empty)
  std::size_t replications = 20;  ///< per scenario
  std::uint64_t seed = 1;         ///< the same for base and variant (common random numbers)
  std::string label;              ///< name of the what-if
  std::string branch_from;        ///< ISO date: the levers apply from this date ("" = start)
  nlohmann::json shocks;          ///< shock files added to both sides (null: none)
};

/// Reads {"scenario", "levers", "replications", "seed", "label", "branch_from", "shocks"}; the
/// levers are checked against the scenario later (scenario_catalog.hpp). Throws RequestError.
RunRequest read_run_request(const nlohmann::json& body, const Limits& limits);

}  // namespace cadresim::workspace
