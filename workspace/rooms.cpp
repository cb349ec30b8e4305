#include "workspace/rooms.hpp"

#include <fmt/core.h>  // fmt::format

#include <algorithm>  // std::find_if
#include <cctype>     // std::toupper
#include <random>     // std::random_device

namespace cadresim::workspace {

std::string random_code(std::size_t n) {
  static constexpr char kAlphabet[] = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
  std::random_device device;
  std::uniform_int_distribution<std::size_t> pick(0, sizeof kAlphabet - 2);
  std::string s;
  for (std::size_t i = 0; i < n; ++i) s += kAlphabet[pick(device)];
  return s;
}

Room Rooms::open(const std::string& scenario, const nlohmann::json& shocks, double budget,
                 std::size_t replications, std::uint64_t seed) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (rooms_.size() >= limits_.max_rooms)
    throw RequestError(429, "",
                       fmt::format("{} rooms are open, the most this server keeps", rooms_.size()));
  Room r;
  do r.code = random_code(6);
  while (rooms_.count(r.code));
  r.facilitator_key = random_code(20);
  r.scenario = scenario;
  r.shocks = shocks;
  r.budget_million_vnd = budget;
  r.replications = replications;
  r.seed = seed;
  rooms_[r.code] = r;
  return r;
}

Room& Rooms::at(const std::string& code) {
  std::string upper = code;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  const auto it = rooms_.find(upper);
  if (it == rooms_.end())
    throw RequestError(404, "/code", "no room has this code; check it with the facilitator");
  return it->second;
}

std::optional<Room> Rooms::find(const std::string& code) const {
  std::lock_guard<std::mutex> lock(mutex_);
  try {
    return const_cast<Rooms*>(this)->at(code);
  } catch (const RequestError&) {
    return std::nullopt;
  }
}

void Rooms::submit(const std::string& code, Submission s) {
  std::lock_guard<std::mutex> lock(mutex_);
  Room& room = at(code);
  if (!room.run_id.empty())
    throw RequestError(409, "",
                       "this round has already been run; wait for the facilitator to open the "
                       "next round");
  auto same = std::find_if(room.submissions.begin(), room.submissions.end(),
                           [&](const Submission& x) { return x.team == s.team; });
  if (same != room.submissions.end()) {
    same->levers = std::move(s.levers);
    return;
  }
  if (room.submissions.size() >= limits_.max_teams)
    throw RequestError(
        429, "/team",
        fmt::format("the room already has {} teams, the most it takes", room.submissions.size()));
  room.submissions.push_back(std::move(s));
}

Room Rooms::start_round(const std::string& code, const std::string& key,
                        const std::string& run_id) {
  std::lock_guard<std::mutex> lock(mutex_);
  Room& room = at(code);
  if (key != room.facilitator_key)
    throw RequestError(403, "/key", "only the facilitator who opened the room can run it");
  if (room.submissions.empty()) throw RequestError(409, "", "no team has submitted yet");
  if (!run_id.empty()) room.run_id = run_id;
  return room;
}

Room Rooms::next_round(const std::string& code, const std::string& key) {
  std::lock_guard<std::mutex> lock(mutex_);
  Room& room = at(code);
  if (key != room.facilitator_key)
    throw RequestError(403, "/key", "only the facilitator who opened the room can open a round");
  room.run_id.clear();
  ++room.round;
  return room;
}

}  // namespace cadresim::workspace
