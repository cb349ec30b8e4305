#include "workspace/http_server.hpp"

#include <fmt/core.h>  // fmt::format
#include <httplib.h>   // cpp-httplib (Debian libcpp-httplib-dev)

#include <algorithm>  // std::min
#include <stdexcept>  // std::runtime_error

#include "analysis/report/resources.hpp"  // Chart.js and CadresimCharts, as in report.html
#include "cadresim/version.hpp"
#include "sim/kernel/calendar.hpp"       // parse_iso_date
#include "sim/scenario/limits.hpp"       // kMaxReplicationMonths
#include "sim/scenario/problems.hpp"     // problem_message: warnings in the page's language
#include "sim/scenario/strict_json.hpp"  // single_line
#include "workspace/cadre_story.hpp"
#include "workspace/page_words.hpp"
#include "workspace/rooms.hpp"
#include "workspace/run_queue.hpp"
#include "workspace/scenario_catalog.hpp"

namespace cadresim::embedded {
extern const std::string_view workspace_index_html;
extern const std::string_view workspace_app_css;
extern const std::string_view workspace_app_js;
}  // namespace cadresim::embedded

namespace cadresim::workspace {

using nlohmann::json;

namespace {
/// Replications of the cost estimate a team gets when it submits.
constexpr std::size_t kEstimateReplications = 4;
}  // namespace

bool is_loopback(const std::string& host) {
  return host == "127.0.0.1" || host == "::1" || host == "localhost";
}

struct Server::Impl {
  ServerOptions options;
  httplib::Server http;
  ScenarioCache scenarios;
  RunQueue runs;
  Rooms rooms;
  int port = 0;

  explicit Impl(ServerOptions o)
      : options(std::move(o)),
        scenarios(options.scenario_folder, options.limits),
        runs(options.limits.max_queued_runs, options.limits.max_kept_runs, options.threads),
        rooms(options.limits) {
    routes();
  }

  // ---- answers -------------------------------------------------------------------------------
  static void send_json(httplib::Response& res, int status, const json& body) {
    res.status = status;
    // Replace invalid UTF-8 rather than throw: a message may quote what the client sent.
    res.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace), "application/json");
  }
  static void send_error(httplib::Response& res, int status, const std::string& pointer,
                         const std::string& message) {
    send_json(res, status, error_json(status, pointer, message));
  }
  // The language of the answer's sentences: the address's `lang` ("en", the default, or "vi");
  // anything else is refused, in English.
  static text::Lang request_lang(const httplib::Request& req) {
    if (!req.has_param("lang")) return text::Lang::kEn;
    const std::string code = req.get_param_value("lang");
    if (const auto lang = text::parse_lang(code)) return *lang;
    throw RequestError(400, "lang", "must be \"en\" or \"vi\"");
  }
  // Runs a handler, turning a refused request into its JSON error (in the language the request
  // asks for) and anything else into a 500 that names the failure (never a crash, never an HTML
  // page).
  template <class F>
  static void guarded(const httplib::Request& req, httplib::Response& res, F&& f) {
    text::Lang lang = text::Lang::kEn;
    try {
      lang = request_lang(req);
      f();
    } catch (const RequestError& e) {
      send_error(res, e.status(), e.pointer(), e.message_in(lang));
    } catch (const std::exception& e) {
      send_error(res, 500, "", std::string("internal error: ") + e.what());
    }
  }
  json body_of(const httplib::Request& req) const {
    return parse_request_body(req.body, options.limits);
  }

  // ---- access --------------------------------------------------------------------------------
  bool token_ok(const httplib::Request& req) const {
    if (options.token.empty()) return true;
    if (req.get_param_value("token") == options.token) return true;
    if (req.get_header_value("X-Cadresim-Token") == options.token) return true;
    const std::string cookie = req.get_header_value("Cookie");
    const std::string want = "cadresim_token=" + options.token;
    for (std::size_t at = cookie.find(want); at != std::string::npos;
         at = cookie.find(want, at + 1)) {
      const bool starts = at == 0 || cookie[at - 1] == ' ' || cookie[at - 1] == ';';
      const std::size_t end = at + want.size();
      if (starts && (end == cookie.size() || cookie[end] == ';')) return true;
    }
    return false;
  }
  // Bound to the loopback address, only requests naming it are served: a web page elsewhere
  // cannot reach the server through a DNS name that resolves to 127.0.0.1 (DNS rebinding).
  bool host_ok(const httplib::Request& req) const {
    if (!is_loopback(options.host)) return true;
    std::string host = req.get_header_value("Host");
    const auto colon = host.rfind(':');
    if (colon != std::string::npos && host.find(']') == std::string::npos) host.resize(colon);
    if (colon != std::string::npos && host.find(']') != std::string::npos && colon > host.find(']'))
      host.resize(colon);
    return host == "127.0.0.1" || host == "localhost" || host == "[::1]";
  }

  // ---- the page ------------------------------------------------------------------------------
  void page(const char* path, std::string_view content, const char* type) {
    http.Get(path, [this, content, type](const httplib::Request& req, httplib::Response& res) {
      res.set_content(std::string(content), type);
      if (!options.token.empty() && req.has_param("token") && token_ok(req))
        res.set_header("Set-Cookie",
                       "cadresim_token=" + options.token + "; Path=/; HttpOnly; SameSite=Strict");
    });
  }

  // ---- runs ----------------------------------------------------------------------------------
  void check_size(std::size_t replications, const model::Scenario& s, std::size_t scenarios) {
    const std::uint64_t months =
        static_cast<std::uint64_t>((s.calendar.end - s.calendar.start) / 30 + 1);
    if (replications * months * scenarios > scenario::kMaxReplicationMonths)
      throw RequestError(
          413, "/replications",
          fmt::format("{} replications of {} scenario(s) over {} months is more than the {} "
                      "replication-months one run may keep in memory",
                      replications, scenarios, months, scenario::kMaxReplicationMonths));
  }
  json run_json(const RunView& v) const {
    json j{{"id", v.id}, {"state", state_name(v.state)}, {"done", v.done}, {"total", v.total}};
    if (!v.error.empty()) j["error"] = v.error;
    if (v.outcomes) j["result"] = outcomes_json(*v.outcomes, v.key_posts);
    return j;
  }
  void post_run(const httplib::Request& req, httplib::Response& res) {
    const RunRequest r = read_run_request(body_of(req), options.limits);
    const auto base = scenarios.get_with_shocks(r.scenario, "/scenario", r.shocks, "/shocks");
    auto variant = std::make_shared<const scenario::LoadedScenario>(
        apply_levers(*base, r.levers, r.label, r.branch_from));
    check_size(r.replications, base->scenario, 2);
    RunSpec spec{{base, variant}, {"baseline", r.label}, r.seed, r.replications};
    const std::string id = runs.submit(std::move(spec));
    json warnings = json::array();
    for (const auto& w : variant->warnings)
      warnings.push_back(w.where + ": " + scenario::problem_message(w, request_lang(req)));
    send_json(res, 202, {{"id", id}, {"url", "/api/runs/" + id}, {"warnings", warnings}});
  }
  RunView find_run(const std::string& id) const {
    auto v = runs.view(id);
    if (!v)
      throw RequestError(
          404, "",
          "no run " + scenario::single_line(id) + " (finished runs are kept only for a while)");
    return *v;
  }

  // ---- rooms ---------------------------------------------------------------------------------
  json room_json(const Room& room) const {
    json teams = json::array();
    for (const auto& s : room.submissions) teams.push_back(s.team);
    json j{{"code", room.code},
           {"scenario", room.scenario},
           {"budget_million_vnd", room.budget_million_vnd},
           {"replications", room.replications},
           {"seed", room.seed},
           {"round", room.round},
           {"teams", teams}};
    if (!room.run_id.empty()) {
      if (auto v = runs.view(room.run_id)) {
        j["run"] = {
            {"id", v->id}, {"state", state_name(v->state)}, {"done", v->done}, {"total", v->total}};
        if (v->outcomes) {
          j["league"] =
              league_json(league_table(*v->outcomes, v->key_posts, room.budget_million_vnd));
          j["result"] = outcomes_json(*v->outcomes, v->key_posts);
        }
      }
    }
    return j;
  }
  Room room_of(const std::string& code) const {
    auto room = rooms.find(code);
    if (!room) throw RequestError(404, "", "no room has this code; check it with the facilitator");
    return *room;
  }
  void open_room(const httplib::Request& req, httplib::Response& res) {
    const json body = body_of(req);
    refuse_unknown_keys(body, "",
                        {"scenario", "budget_million_vnd", "replications", "seed", "shocks"});
    const std::string path = read_text(body, "", "scenario", 400, nullptr);
    const json shocks = body.value("shocks", json());
    const auto base = scenarios.get_with_shocks(path, "/scenario", shocks, "/shocks");
    const double budget = read_number(body, "", "budget_million_vnd", 0, 1e9, 0);
    if (!body.contains("budget_million_vnd"))
      throw RequestError(400, "/budget_million_vnd", "is required");
    const auto n = read_count(body, "", "replications", 2, options.limits.max_replications, 20);
    const auto seed = read_count(body, "", "seed", 0, UINT64_MAX, 1);
    check_size(n, base->scenario, options.limits.max_teams + 1);
    const Room room = rooms.open(path, shocks, budget, n, seed);
    json j = room_json(room);
    j["key"] = room.facilitator_key;  // the facilitator's only; never shown to teams
    send_json(res, 201, j);
  }
  void submit_team(const std::string& code, const httplib::Request& req, httplib::Response& res) {
    const json body = body_of(req);
    refuse_unknown_keys(body, "", {"team", "levers"});
    const std::string team = read_text(body, "", "team", options.limits.max_text_bytes, nullptr);
    if (team == "baseline")
      throw RequestError(400, "/team", "\"baseline\" is the reference; choose another name");
    json levers = body.value("levers", json::object());
    refuse_unknown_keys(levers, "/levers", {"support", "flows"});
    const Room room = room_of(code);
    // Checked now, so a team learns at once what is wrong and the round never fails on it.
    const auto what_if =
        apply_levers(*scenarios.get_with_shocks(room.scenario, "/scenario", room.shocks, "/shocks"),
                     levers, team, "");
    rooms.submit(code, {team, levers});
    // A quick estimate of the cost (a few replications, the room's seed), so a team learns at
    // once that it is over the budget; the league table flags it again from the full run.
    const std::size_t n = std::min<std::size_t>(room.replications, kEstimateReplications);
    const auto cost = quick_cost_estimate(what_if.scenario, room.seed, n);
    json j = room_json(room_of(code));
    j["estimate"] = {{"replications", n},
                     {"cost_million_vnd",
                      {{"mean", cost.mean}, {"ci_low", cost.ci_low}, {"ci_high", cost.ci_high}}},
                     {"over_budget", cost.mean > room.budget_million_vnd}};
    send_json(res, 200, j);
  }
  void run_room(const std::string& code, const httplib::Request& req, httplib::Response& res) {
    const json body = body_of(req);
    refuse_unknown_keys(body, "", {"key"});
    const std::string key = read_text(body, "", "key", 64, nullptr);
    const Room room = rooms.start_round(code, key, "");  // checks the key and the submissions
    const auto base = scenarios.get_with_shocks(room.scenario, "/scenario", room.shocks, "/shocks");
    RunSpec spec;
    spec.scenarios.push_back(base);
    spec.labels.push_back("baseline");
    for (const auto& s : room.submissions) {
      spec.scenarios.push_back(std::make_shared<const scenario::LoadedScenario>(
          apply_levers(*base, s.levers, s.team, "")));
      spec.labels.push_back(s.team);
    }
    spec.seed = room.seed;  // every team gets the same draws (common random numbers)
    spec.replications = room.replications;
    const std::string id = runs.submit(std::move(spec));
    send_json(res, 202, room_json(rooms.start_round(code, key, id)));
  }

  // ---- routes --------------------------------------------------------------------------------
  void routes() {
    http.set_payload_max_length(options.limits.max_body_bytes);
    http.set_read_timeout(10, 0);
    http.set_write_timeout(10, 0);
    http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
      res.set_header("X-Content-Type-Options", "nosniff");
      res.set_header("X-Frame-Options", "DENY");
      res.set_header("Referrer-Policy", "no-referrer");
      res.set_header("Cache-Control", "no-store");
      res.set_header("Content-Security-Policy",
                     "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                     "connect-src 'self'; frame-ancestors 'none'");
      if (!host_ok(req)) {
        send_error(res, 403, "",
                   "this server answers only requests addressed to 127.0.0.1 or localhost");
        return httplib::Server::HandlerResponse::Handled;
      }
      if (!token_ok(req)) {
        send_error(res, 401, "",
                   "this server needs its session token: open the address cadresim serve "
                   "printed (with ?token=...), or send the header X-Cadresim-Token");
        return httplib::Server::HandlerResponse::Handled;
      }
      return httplib::Server::HandlerResponse::Unhandled;
    });
    http.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
      if (!res.body.empty()) return;
      if (res.status == 413)
        send_error(res, 413, "", "the request body is too large");
      else if (res.status == 404)
        send_error(res, 404, "", "no such address: " + scenario::single_line(req.path));
      else
        send_error(res, res.status, "", "the request was refused");
    });
    http.set_exception_handler(
        [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
          send_error(res, 500, "", "internal error");
        });

    page("/", embedded::workspace_index_html, "text/html; charset=utf-8");
    page("/index.html", embedded::workspace_index_html, "text/html; charset=utf-8");
    page("/app.css", embedded::workspace_app_css, "text/css; charset=utf-8");
    page("/app.js", embedded::workspace_app_js, "text/javascript; charset=utf-8");
    // The page's words, made once from the message catalog (page.*, metric.*, lever.*).
    static const std::string page_words = page_words_script();
    page("/i18n.js", page_words, "text/javascript; charset=utf-8");
    page("/chart.js", embedded::chartjs, "text/javascript; charset=utf-8");
    page("/charts.js", embedded::charts_js, "text/javascript; charset=utf-8");

    http.Get("/api/info", [this](const httplib::Request&, httplib::Response& res) {
      const auto& l = options.limits;
      send_json(res, 200,
                {{"cadresim", std::string(kVersion) + " (" + kGitCommit + ")"},
                 {"token_required", !options.token.empty()},
                 {"limits",
                  {{"max_replications", l.max_replications},
                   {"max_body_bytes", l.max_body_bytes},
                   {"max_queued_runs", l.max_queued_runs},
                   {"max_teams", l.max_teams},
                   {"max_rooms", l.max_rooms}}}});
    });
    http.Get("/api/scenarios", [this](const httplib::Request& req, httplib::Response& res) {
      guarded(req, res, [&] {
        json list = json::array();
        for (const auto& e :
             list_scenarios(options.scenario_folder, options.limits.max_scenarios_listed))
          list.push_back({{"path", e.path},
                          {"name", e.name},
                          {"description", e.description},
                          {"exercise", e.exercise}});
        json shocks = json::array();
        for (const auto& e :
             list_shock_files(options.scenario_folder, options.limits.max_scenarios_listed))
          shocks.push_back({{"path", e.path}, {"name", e.name}, {"description", e.description}});
        send_json(res, 200, {{"scenarios", list}, {"shocks", shocks}});
      });
    });
    http.Get("/api/levers", [this](const httplib::Request& req, httplib::Response& res) {
      guarded(req, res, [&] {
        if (!req.has_param("scenario"))
          throw RequestError(400, "scenario", "give the scenario: /api/levers?scenario=PATH");
        send_json(res, 200,
                  lever_catalog(*scenarios.get(req.get_param_value("scenario"), "scenario")));
      });
    });
    http.Post("/api/runs", [this](const httplib::Request& req, httplib::Response& res) {
      guarded(req, res, [&] { post_run(req, res); });
    });
    http.Get(R"(/api/runs/([A-Za-z0-9-]{1,40}))",
             [this](const httplib::Request& req, httplib::Response& res) {
               guarded(req, res, [&] { send_json(res, 200, run_json(find_run(req.matches[1]))); });
             });
    http.Delete(R"(/api/runs/([A-Za-z0-9-]{1,40}))",
                [this](const httplib::Request& req, httplib::Response& res) {
                  guarded(req, res, [&] {
                    if (!runs.cancel(req.matches[1])) (void)find_run(req.matches[1]);
                    send_json(res, 200, run_json(find_run(req.matches[1])));
                  });
                });
    http.Post("/api/story", [this](const httplib::Request& req, httplib::Response& res) {
      guarded(req, res, [&] {
        const json body = body_of(req);
        refuse_unknown_keys(body, "",
                            {"scenario", "levers", "seed", "replication", "who", "lang", "shocks"});
        const auto base =
            scenarios.get_with_shocks(read_text(body, "", "scenario", 400, nullptr), "/scenario",
                                      body.value("shocks", json()), "/shocks");
        const std::string who = read_text(body, "", "who", options.limits.max_text_bytes, nullptr);
        const std::string lang = read_text(body, "", "lang", 2, "en");
        if (lang != "en" && lang != "vi")
          throw RequestError(400, "/lang", "must be \"en\" or \"vi\"");
        const auto seed = read_count(body, "", "seed", 0, UINT64_MAX, 1);
        const auto rep = read_count(body, "", "replication", 0, options.limits.max_replications, 0);
        json levers = body.value("levers", json::object());
        refuse_unknown_keys(levers, "/levers", {"support", "flows"});
        const auto sc = apply_levers(*base, levers, base->scenario.name, "");
        send_json(res, 200, cadre_story_json(sc, seed, rep, who, lang == "vi"));
      });
    });
    http.Post("/api/rooms", [this](const httplib::Request& req, httplib::Response& res) {
      guarded(req, res, [&] { open_room(req, res); });
    });
    const std::string room = R"(/api/rooms/([A-Za-z0-9]{1,12}))";
    http.Get(room, [this](const httplib::Request& req, httplib::Response& res) {
      guarded(req, res, [&] { send_json(res, 200, room_json(room_of(req.matches[1]))); });
    });
    http.Post(room + "/submissions", [this](const httplib::Request& req, httplib::Response& res) {
      guarded(req, res, [&] { submit_team(req.matches[1], req, res); });
    });
    http.Post(room + "/run", [this](const httplib::Request& req, httplib::Response& res) {
      guarded(req, res, [&] { run_room(req.matches[1], req, res); });
    });
    http.Post(room + "/next", [this](const httplib::Request& req, httplib::Response& res) {
      guarded(req, res, [&] {
        const json body = body_of(req);
        refuse_unknown_keys(body, "", {"key"});
        send_json(
            res, 200,
            room_json(rooms.next_round(req.matches[1], read_text(body, "", "key", 64, nullptr))));
      });
    });
  }
};

Server::Server(ServerOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}
Server::~Server() {
  stop();
}

int Server::bind() {
  const auto& o = impl_->options;
  if (o.port == 0)
    impl_->port = impl_->http.bind_to_any_port(o.host);
  else
    impl_->port = impl_->http.bind_to_port(o.host, o.port) ? o.port : -1;
  if (impl_->port <= 0)
    throw std::runtime_error(
        fmt::format("cannot listen on {}:{} (in use, or not an address of "
                    "this machine)",
                    o.host, o.port));
  return impl_->port;
}

void Server::listen() {
  impl_->http.listen_after_bind();
}
void Server::stop() {
  impl_->http.stop();
}

std::string Server::address() const {
  const auto& o = impl_->options;
  const std::string host = o.host.find(':') != std::string::npos ? "[" + o.host + "]" : o.host;
  std::string a = fmt::format("http://{}:{}/", host, impl_->port);
  if (!o.token.empty()) a += "?token=" + o.token;
  return a;
}

}  // namespace cadresim::workspace
