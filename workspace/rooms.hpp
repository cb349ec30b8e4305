#pragma once
/// @file Rooms of teams (docs/workspace.md): a facilitator opens a room on a scenario with a
/// budget; teams join with the room's code and each submits its lever settings for the round;
/// the facilitator (who alone holds the room's key) runs every submission with the same seed.
/// No accounts: a room lives in the server's memory only.

#include <nlohmann/json.hpp>

#include <cstdint>   // std::uint64_t
#include <map>       // std::map
#include <mutex>     // std::mutex
#include <optional>  // std::optional
#include <string>    // std::string
#include <vector>    // std::vector

#include "workspace/request.hpp"

namespace cadresim::workspace {

/// One team's settings for the round.
struct Submission {
  std::string team;
  nlohmann::json levers;  ///< as in a run request
};

/// A room.
struct Room {
  std::string code;             ///< what teams type to join (6 letters and digits)
  std::string facilitator_key;  ///< returned to the facilitator only; needed to run
  std::string scenario;         ///< path in the scenario folder
  nlohmann::json shocks;        ///< shock files every team plays under (null: none)
  double budget_million_vnd = 0;
  std::size_t replications = 20;
  std::uint64_t seed = 1;
  int round = 1;
  std::vector<Submission> submissions;  ///< in the order teams first submitted
  std::string run_id;                   ///< the round's run, once started
};

/// The server's rooms. Thread-safe.
class Rooms {
 public:
  explicit Rooms(Limits limits) : limits_(limits) {}
  /// Opens a room; throws RequestError 429 when `max_rooms` are open.
  Room open(const std::string& scenario, const nlohmann::json& shocks, double budget_million_vnd,
            std::size_t replications, std::uint64_t seed);
  /// The room with `code` (case ignored), or nothing.
  std::optional<Room> find(const std::string& code) const;
  /// Records (or replaces) a team's settings. Throws RequestError 404 (no room), 409 (the round
  /// is running or done) or 429 (room full).
  void submit(const std::string& code, Submission s);
  /// Marks the round as run by `run_id` after checking the key. Throws RequestError 403 (wrong
  /// key), 404, or 409 (no submission yet).
  Room start_round(const std::string& code, const std::string& key, const std::string& run_id);
  /// Opens the next round (submissions kept, run forgotten); same checks as start_round.
  Room next_round(const std::string& code, const std::string& key);

 private:
  Room& at(const std::string& code);
  Limits limits_;
  mutable std::mutex mutex_;
  std::map<std::string, Room> rooms_;
};

/// A random string of `n` characters from an alphabet without look-alikes (no 0/O, 1/I/L).
std::string random_code(std::size_t n);

}  // namespace cadresim::workspace
