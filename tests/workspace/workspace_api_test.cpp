// The HTTP API of `cadresim serve`: a server on a free port in this process, driven with
// httplib::Client, every endpoint with good and bad requests (docs/workspace.md § API).
#include <arpa/inet.h>  // inet_pton
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>  // sockaddr_in
#include <sys/socket.h>  // a raw client that hangs up mid-request
#include <unistd.h>      // close

#include <chrono>
#include <filesystem>  // a scenario folder with a broken scenario
#include <fstream>
#include <thread>

#include "../test_scratch.hpp"  // unique_temp_dir: scratch per test and process

#include "workspace/http_server.hpp"

namespace cadresim::workspace {
namespace {

using nlohmann::json;

// A server on 127.0.0.1 and a free port, serving the project's scenarios.
class ServerFixture {
 public:
  explicit ServerFixture(std::string token = "",
                         std::string folder = std::string(CADRESIM_SOURCE_DIR) + "/scenarios") {
    ServerOptions o;
    o.port = 0;
    o.scenario_folder = std::move(folder);
    o.token = std::move(token);
    o.threads = 1;
    o.limits.max_replications = 200;
    server_ = std::make_unique<Server>(o);
    port_ = server_->bind();
    thread_ = std::thread([this] { server_->listen(); });
  }
  ~ServerFixture() {
    server_->stop();
    thread_.join();
  }
  httplib::Client client() const {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(60, 0);
    return c;
  }
  int port() const { return port_; }

 private:
  std::unique_ptr<Server> server_;
  int port_ = 0;
  std::thread thread_;
};

json body(const httplib::Result& r) {
  return json::parse(r->body);
}

httplib::Result post(httplib::Client& c, const std::string& path, const json& j) {
  return c.Post(path.c_str(), j.dump(), "application/json");
}

// Polls a run until it is no longer queued or running.
json wait_for(httplib::Client& c, const std::string& id) {
  for (int i = 0; i < 6000; ++i) {
    auto r = c.Get(("/api/runs/" + id).c_str());
    EXPECT_TRUE(r);
    const json j = body(r);
    if (j["state"] != "queued" && j["state"] != "running") return j;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ADD_FAILURE() << "the run never finished";
  return {};
}

const json* headline(const json& scenario, const std::string& metric) {
  for (const auto& h : scenario["headlines"])
    if (h["metric"] == metric) return &h;
  return nullptr;
}

TEST(WorkspaceApi, ThePageItsScriptsAndChartJsAreServedFromTheBinary) {
  ServerFixture s;
  auto c = s.client();
  for (const char* path : {"/", "/app.js", "/app.css", "/i18n.js", "/chart.js", "/charts.js"}) {
    auto r = c.Get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 200) << path;
    EXPECT_GT(r->body.size(), 100u) << path;
    EXPECT_EQ(r->get_header_value("X-Content-Type-Options"), "nosniff");
  }
  EXPECT_NE(c.Get("/")->body.find("<html"), std::string::npos);
  EXPECT_NE(c.Get("/chart.js")->body.find("Chart.js v3"), std::string::npos);
  EXPECT_NE(c.Get("/charts.js")->body.find("CadresimCharts"), std::string::npos);
  auto info = c.Get("/api/info");
  EXPECT_EQ(body(info)["token_required"], false);
  auto missing = c.Get("/no/such/page");
  EXPECT_EQ(missing->status, 404);
  EXPECT_EQ(body(missing)["error"]["status"], 404);
}

TEST(WorkspaceApi, TheScenarioListHoldsTheTrainingExercisesAndNoSchemaOrShockCard) {
  ServerFixture s;
  auto c = s.client();
  const json list = body(c.Get("/api/scenarios"))["scenarios"];
  bool son_mai = false;
  for (const auto& e : list) {
    son_mai = son_mai || (e["path"] == "training/son-mai.json" && e["exercise"] == true);
    EXPECT_EQ(e["path"].get<std::string>().find("schema/"), std::string::npos);
    EXPECT_EQ(e["path"].get<std::string>().find("shocks/"), std::string::npos);
  }
  EXPECT_TRUE(son_mai);
}

TEST(WorkspaceApi, LeversAreDescribedFromTheScenarioWithUnitsValuesAndFlows) {
  ServerFixture s;
  auto c = s.client();
  const json l = body(c.Get("/api/levers?scenario=training/son-mai-top-up.json"));
  bool top_up = false;
  for (const auto& lever : l["support"])
    if (lever["key"] == "top_up_vnd_per_month") {
      top_up = true;
      EXPECT_EQ(lever["value"], 1500000);
      EXPECT_EQ(lever["unit"], "VND/month");
      EXPECT_EQ(lever["target"], "top_up");
    }
  EXPECT_TRUE(top_up);
  EXPECT_TRUE(l["targets"]["current"].contains("top_up"));
  bool flow = false;
  for (const auto& f : l["flows"])
    if (f["id"] == "commune-commune") flow = f["value"] == 2 && f["unit"] == "moves/year";
  EXPECT_TRUE(flow);
  EXPECT_GT(l["key_posts"].get<int>(), 0);
  // The baseline cites its sources in the support section's comment.
  const json b = body(c.Get("/api/levers?scenario=dien-bien/baseline.json"));
  EXPECT_FALSE(b["support"][0]["sources"].empty());
  EXPECT_EQ(c.Get("/api/levers")->status, 400);
  EXPECT_EQ(c.Get("/api/levers?scenario=../CMakeLists.json")->status, 400);
  EXPECT_EQ(c.Get("/api/levers?scenario=nope.json")->status, 404);
}

TEST(WorkspaceApi, ARunComparesTheWhatIfWithTheBaselineOnTheSameDraws) {
  ServerFixture s;
  auto c = s.client();
  // No lever moved: the what-if is the baseline, so every paired difference is exactly zero.
  auto r = post(c, "/api/runs", {{"scenario", "training/son-mai.json"}, {"replications", 4}});
  ASSERT_EQ(r->status, 202) << r->body;
  json done = wait_for(c, body(r)["id"]);
  ASSERT_EQ(done["state"], "done") << done.dump();
  EXPECT_EQ(done["done"], 8);
  const json& variant = done["result"]["scenarios"][1];
  for (const auto& h : variant["headlines"]) {
    EXPECT_EQ(h["difference"]["mean"], 0.0) << h["metric"];
  }
  // A top-up costs money, with an interval.
  r = post(c, "/api/runs",
           {{"scenario", "training/son-mai.json"},
            {"replications", 4},
            {"label", "top-up"},
            {"levers", {{"support", {{"top_up_vnd_per_month", 2000000}}}}}});
  ASSERT_EQ(r->status, 202) << r->body;
  done = wait_for(c, body(r)["id"]);
  ASSERT_EQ(done["state"], "done");
  const json& top_up = done["result"]["scenarios"][1];
  EXPECT_EQ(top_up["label"], "top-up");
  const json* cost = headline(top_up, "support_cost_vnd");
  ASSERT_TRUE(cost);
  EXPECT_GT((*cost)["difference"]["mean"].get<double>(), 0);
  EXPECT_LE((*cost)["difference"]["ci_low"].get<double>(),
            (*cost)["difference"]["mean"].get<double>());
  EXPECT_TRUE(top_up["series"].contains("vacancies_key"));
  EXPECT_TRUE(top_up["difference_series"].contains("support_cost_vnd"));
  EXPECT_FALSE(top_up["pipeline"].empty());
}

TEST(WorkspaceApi, BranchingFromADateLeavesEverythingBeforeItUnchanged) {
  ServerFixture s;
  auto c = s.client();
  auto r = post(c, "/api/runs",
                {{"scenario", "training/son-mai.json"},
                 {"replications", 3},
                 {"branch_from", "2028-01-01"},
                 {"levers", {{"support", {{"top_up_vnd_per_month", 3000000}}}}}});
  ASSERT_EQ(r->status, 202) << r->body;
  const json done = wait_for(c, body(r)["id"]);
  ASSERT_EQ(done["state"], "done");
  const json& d = done["result"]["scenarios"][1]["difference_series"]["vacancies_key"];
  bool after_changed = false;
  for (std::size_t t = 0; t < d["dates"].size(); ++t) {
    if (d["dates"][t].get<std::string>() < "2028-01-01") {
      EXPECT_EQ(d["mean"][t], 0.0) << d["dates"][t];
    }
  }
  const json& cost = done["result"]["scenarios"][1]["difference_series"]["support_cost_vnd"];
  for (std::size_t t = 0; t < cost["dates"].size(); ++t) {
    if (cost["dates"][t].get<std::string>() < "2028-01-01") {
      EXPECT_EQ(cost["mean"][t], 0.0);
    } else {
      after_changed = after_changed || cost["mean"][t].get<double>() > 0;
    }
  }
  EXPECT_TRUE(after_changed);
  EXPECT_EQ(post(c, "/api/runs",
                 {{"scenario", "training/son-mai.json"},
                  {"branch_from", "2040-01-01"},
                  {"levers", {{"support", {{"top_up_vnd_per_month", 1}}}}}})
                ->status,
            400);
}

TEST(WorkspaceApi, AnExerciseRunsWithItsShockCardsOnBothSides) {
  ServerFixture s;
  auto c = s.client();
  const json listed = body(c.Get("/api/scenarios"))["shocks"];
  bool card = false;
  for (const auto& e : listed) card = card || e["path"] == "training/shocks/sudden-departure.json";
  EXPECT_TRUE(card) << listed.dump();
  auto plain = post(c, "/api/runs", {{"scenario", "training/son-mai.json"}, {"replications", 3}});
  auto shocked = post(c, "/api/runs",
                      {{"scenario", "training/son-mai.json"},
                       {"replications", 3},
                       {"shocks", {"training/shocks/sudden-departure.json"}}});
  ASSERT_EQ(shocked->status, 202) << shocked->body;
  const json a = wait_for(c, body(plain)["id"]), b = wait_for(c, body(shocked)["id"]);
  ASSERT_EQ(b["state"], "done");
  // The card changes the baseline itself (both sides play under it).
  EXPECT_NE(a["result"]["scenarios"][0]["series"]["vacancies_key"]["mean"],
            b["result"]["scenarios"][0]["series"]["vacancies_key"]["mean"]);
  auto bad = post(c, "/api/runs",
                  {{"scenario", "training/son-mai.json"}, {"shocks", {"../../etc/passwd.json"}}});
  EXPECT_EQ(bad->status, 400);
  EXPECT_EQ(body(bad)["error"]["pointer"], "/shocks/0");
  // A card naming units of another province does not fit the Điện Biên baseline.
  auto misfit = post(c, "/api/runs",
                     {{"scenario", "dien-bien/baseline.json"},
                      {"shocks", {"training/shocks/sudden-departure.json"}}});
  EXPECT_EQ(misfit->status, 422) << misfit->body;
  EXPECT_EQ(body(misfit)["error"]["pointer"], "/shocks/0");
}

TEST(WorkspaceApi, ARunCanBeCancelledAndAnUnknownRunIsNotFound) {
  ServerFixture s;
  auto c = s.client();
  auto r = post(c, "/api/runs", {{"scenario", "dien-bien/baseline.json"}, {"replications", 200}});
  ASSERT_EQ(r->status, 202) << r->body;
  const std::string id = body(r)["id"];
  auto del = c.Delete(("/api/runs/" + id).c_str());
  ASSERT_EQ(del->status, 200);
  const json done = wait_for(c, id);
  EXPECT_EQ(done["state"], "cancelled");
  EXPECT_FALSE(done.contains("result"));
  EXPECT_EQ(c.Get("/api/runs/run-999")->status, 404);
  EXPECT_EQ(c.Delete("/api/runs/run-999")->status, 404);
}

TEST(WorkspaceApi, BadRequestsGetAJsonErrorWithThePointerNeverACrash) {
  ServerFixture s;
  auto c = s.client();
  struct Case {
    std::string body;
    int status;
    std::string pointer;
  };
  const std::string sm = R"("scenario": "training/son-mai.json")";
  const std::vector<Case> cases{
      {"{", 400, ""},
      {"[]", 400, ""},
      {R"({"scenario": "training/son-mai.json", "scenario": "x.json"})", 400, "/scenario"},
      {"{" + sm + R"(, "replicatons": 5})", 400, "/replicatons"},
      {"{" + sm + R"(, "replications": 100000})", 400, "/replications"},
      {"{" + sm + R"(, "replications": "5"})", 400, "/replications"},
      {R"({"scenario": "../../etc/passwd.json"})", 400, "/scenario"},
      {R"({"scenario": "/etc/passwd"})", 400, "/scenario"},
      {R"({"scenario": "training/none.json"})", 404, "/scenario"},
      {"{" + sm + R"(, "levers": {"support": {"free_money": 1}}})", 400,
       "/levers/support/free_money"},
      {"{" + sm + R"(, "levers": {"flows": {"moon-commune": 3}}})", 400,
       "/levers/flows/moon-commune"},
      {"{" + sm + R"(, "levers": {"support": {"top_up_vnd_per_month": -5}}})", 422,
       "/levers/support/top_up_vnd_per_month"},
      {"{" + sm + R"(, "levers": {"flows": {"commune-commune": -1}}})", 422,
       "/levers/flows/commune-commune"},
      {"{" + sm + R"(, "levers": {"support": {"housing": "yes"}}})", 422,
       "/levers/support/housing"},
      {"{" + sm + R"(, "levers": {"wages": {}}})", 400, "/levers/wages"},
      {"{" + sm + R"(, "label": "a\u0007b"})", 400, "/label"},
  };
  for (const auto& k : cases) {
    auto r = c.Post("/api/runs", k.body, "application/json");
    ASSERT_TRUE(r) << k.body;
    EXPECT_EQ(r->status, k.status) << k.body << " -> " << r->body;
    const json e = body(r);
    EXPECT_EQ(e["error"]["pointer"], k.pointer) << k.body << " -> " << r->body;
    EXPECT_FALSE(e["error"]["message"].get<std::string>().empty());
  }
  auto big = c.Post("/api/runs", std::string(300 * 1024, ' '), "application/json");
  ASSERT_TRUE(big);
  EXPECT_EQ(big->status, 413);
  EXPECT_EQ(body(big)["error"]["status"], 413);
  // Still serving after all of that.
  EXPECT_EQ(c.Get("/api/info")->status, 200);
}

TEST(WorkspaceApi, RequestsNamingAnotherHostAreRefusedOnLocalhost) {
  ServerFixture s;
  auto c = s.client();
  auto r = c.Get("/api/info", {{"Host", "evil.example:80"}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403);
  EXPECT_EQ(c.Get("/api/info", {{"Host", "localhost:1"}})->status, 200);
}

TEST(WorkspaceApi, WithATokenEveryRequestNeedsItInTheAddressACookieOrAHeader) {
  ServerFixture s("s3cret");
  auto c = s.client();
  auto no = c.Get("/api/info");
  EXPECT_EQ(no->status, 401);
  EXPECT_EQ(body(no)["error"]["status"], 401);
  EXPECT_EQ(c.Get("/")->status, 401);
  EXPECT_EQ(c.Get("/api/info", {{"X-Cadresim-Token", "wrong"}})->status, 401);
  EXPECT_EQ(c.Get("/api/info", {{"X-Cadresim-Token", "s3cret"}})->status, 200);
  auto page = c.Get("/?token=s3cret");
  ASSERT_EQ(page->status, 200);
  EXPECT_NE(page->get_header_value("Set-Cookie").find("cadresim_token=s3cret"), std::string::npos);
  EXPECT_NE(page->get_header_value("Set-Cookie").find("HttpOnly"), std::string::npos);
  EXPECT_EQ(c.Get("/api/info", {{"Cookie", "cadresim_token=s3cret"}})->status, 200);
  EXPECT_EQ(c.Get("/api/info", {{"Cookie", "cadresim_token=s3cretX"}})->status, 401);
}

TEST(WorkspaceApi, TheServerSurvivesAClientThatHangsUpMidRequestAndMidRun) {
  ServerFixture s;
  {  // half a request, then the connection closes
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(s.port()));
    ::inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
    ASSERT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    const std::string half =
        "POST /api/runs HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 500\r\n\r\n{\"scen";
    ASSERT_GT(::send(fd, half.data(), half.size(), 0), 0);
    ::close(fd);
  }
  std::string id;
  {  // a page that starts a run and goes away
    auto c = s.client();
    auto r = post(c, "/api/runs", {{"scenario", "training/son-mai.json"}, {"replications", 6}});
    ASSERT_EQ(r->status, 202);
    id = body(r)["id"];
  }
  auto c = s.client();
  EXPECT_EQ(wait_for(c, id)["state"], "done");
}

TEST(WorkspaceApi, TeamsJoinARoomAndTheFacilitatorRunsThemIntoALeagueTable) {
  ServerFixture s;
  auto c = s.client();
  auto open = post(
      c, "/api/rooms",
      {{"scenario", "training/son-mai.json"}, {"budget_million_vnd", 2000}, {"replications", 3}});
  ASSERT_EQ(open->status, 201) << open->body;
  const json room = body(open);
  const std::string code = room["code"], key = room["key"];
  const std::string base = "/api/rooms/" + code;
  // Codes are typed by people: any case works.
  std::string lower = code;
  for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  EXPECT_EQ(c.Get(("/api/rooms/" + lower).c_str())->status, 200);
  EXPECT_FALSE(body(c.Get(base.c_str())).contains("key"));
  ASSERT_EQ(post(c, base + "/submissions",
                 {{"team", "Đội Hoa Ban"},
                  {"levers", {{"support", {{"top_up_vnd_per_month", 1000000}}}}}})
                ->status,
            200);
  auto lavish = post(
      c, base + "/submissions",
      {{"team", "Team Lavish"}, {"levers", {{"support", {{"top_up_vnd_per_month", 15000000}}}}}});
  ASSERT_EQ(lavish->status, 200);
  // Flagged at submission from a quick estimate, before the round is run.
  EXPECT_TRUE(body(lavish)["estimate"]["over_budget"].get<bool>());
  EXPECT_GT(body(lavish)["estimate"]["cost_million_vnd"]["mean"].get<double>(), 2000);
  auto bad =
      post(c, base + "/submissions",
           {{"team", "Team Bad"}, {"levers", {{"support", {{"top_up_vnd_per_month", -1}}}}}});
  EXPECT_EQ(bad->status, 422);
  EXPECT_EQ(body(bad)["error"]["pointer"], "/levers/support/top_up_vnd_per_month");
  EXPECT_EQ(post(c, base + "/run", {{"key", "guess"}})->status, 403);
  auto run = post(c, base + "/run", {{"key", key}});
  ASSERT_EQ(run->status, 202) << run->body;
  wait_for(c, body(run)["run"]["id"]);
  const json after = body(c.Get(base.c_str()));
  ASSERT_TRUE(after.contains("league")) << after.dump();
  const json& league = after["league"];
  ASSERT_EQ(league.size(), 2u);
  EXPECT_EQ(league[0]["team"], "Đội Hoa Ban");
  EXPECT_EQ(league[1]["team"], "Team Lavish");
  EXPECT_TRUE(league[1]["over_budget"].get<bool>());
  EXPECT_LE(league[0]["key_posts_covered"]["ci_low"].get<double>(),
            league[0]["key_posts_covered"]["ci_high"].get<double>());
  EXPECT_EQ(after["result"]["scenarios"].size(), 3u);
  // The round is closed until the facilitator opens the next one.
  EXPECT_EQ(post(c, base + "/submissions", {{"team", "Late"}})->status, 409);
  EXPECT_EQ(post(c, base + "/next", {{"key", key}})->status, 200);
  EXPECT_EQ(post(c, base + "/submissions", {{"team", "Late"}})->status, 200);
  EXPECT_EQ(c.Get("/api/rooms/ZZZZZZ")->status, 404);
  EXPECT_EQ(post(c, "/api/rooms", {{"scenario", "training/son-mai.json"}})->status, 400);
}

TEST(WorkspaceApi, AStoryFollowsANamedCadreInEitherLanguage) {
  ServerFixture s;
  auto c = s.client();
  auto en =
      post(c, "/api/story", {{"scenario", "training/son-mai.json"}, {"who", "hoang-thi-lan"}});
  ASSERT_EQ(en->status, 200) << en->body;
  const json e = body(en);
  EXPECT_FALSE(e["lines"].empty());
  auto vi = post(c, "/api/story",
                 {{"scenario", "training/son-mai.json"}, {"who", "hoang-thi-lan"}, {"lang", "vi"}});
  ASSERT_EQ(vi->status, 200);
  EXPECT_NE(body(vi)["lines"].dump(), e["lines"].dump());
  // Each line's date: ISO for programs, and as each language writes it for the page.
  const json& first_en = e["lines"][0];
  const json v = body(vi);
  const json& first_vi = v["lines"][0];
  EXPECT_EQ(first_en["date"], first_vi["date"]);
  const std::string iso = first_en["date"];
  EXPECT_EQ(first_vi["date_text"],
            iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4));
  EXPECT_EQ(first_en["date_text"].get<std::string>().size(), 11u);
  auto nobody =
      post(c, "/api/story", {{"scenario", "training/son-mai.json"}, {"who", "nobody-here"}});
  EXPECT_EQ(nobody->status, 404);
  EXPECT_EQ(body(nobody)["error"]["pointer"], "/who");
  EXPECT_EQ(
      post(c, "/api/story", {{"scenario", "training/son-mai.json"}, {"who", "x"}, {"lang", "fr"}})
          ->status,
      400);
}

TEST(WorkspaceApi, ScenarioProblemsAreAnsweredInTheLanguageThePageAsksFor) {
  // A scenario of the folder that does not load: the page lists it, and asking for its levers
  // says why, in the page's language.
  const std::filesystem::path folder = testing_support::unique_temp_dir("workspace-lang");
  std::filesystem::create_directories(folder);
  std::ofstream(folder / "broken.json") << R"({"name": "hỏng", "extends": "missing.json"})";
  {
    ServerFixture s("", folder.string());
    auto c = s.client();
    auto en = c.Get("/api/levers?scenario=broken.json");
    ASSERT_TRUE(en);
    EXPECT_EQ(en->status, 422);
    EXPECT_EQ(body(en)["error"]["pointer"], "scenario");
    EXPECT_EQ(body(en)["error"]["message"],
              "the scenario broken.json is invalid: /extends: base scenario \"missing.json\" "
              "does not exist");
    auto vi = c.Get("/api/levers?scenario=broken.json&lang=vi");
    ASSERT_TRUE(vi);
    EXPECT_EQ(vi->status, 422);
    EXPECT_EQ(body(vi)["error"]["pointer"], "scenario");
    EXPECT_EQ(body(vi)["error"]["message"],
              "kịch bản broken.json không hợp lệ: /extends: kịch bản gốc \"missing.json\" không "
              "tồn tại");
  }
  std::filesystem::remove_all(folder);

  // A lever the scenario refuses: the same pointer in both languages, the sentence in each.
  ServerFixture s;
  auto c = s.client();
  const json bad_top_up = {{"scenario", "training/son-mai.json"},
                           {"levers", {{"support", {{"top_up_vnd_per_month", -5}}}}}};
  auto en = post(c, "/api/runs?lang=en", bad_top_up);
  auto vi = post(c, "/api/runs?lang=vi", bad_top_up);
  ASSERT_TRUE(en && vi);
  EXPECT_EQ(en->status, 422);
  EXPECT_EQ(vi->status, 422);
  EXPECT_EQ(body(vi)["error"]["pointer"], "/levers/support/top_up_vnd_per_month");
  EXPECT_EQ(body(vi)["error"]["pointer"], body(en)["error"]["pointer"]);
  const std::string en_text = body(en)["error"]["message"], vi_text = body(vi)["error"]["message"];
  EXPECT_NE(en_text, vi_text);
  EXPECT_NE(vi_text.find("phải"), std::string::npos) << vi_text;  // "must be", with diacritics
  EXPECT_EQ(en_text, body(post(c, "/api/runs", bad_top_up))["error"]["message"]) << "en: default";

  // An unknown language is refused with a JSON error, before anything else is read.
  auto fr = post(c, "/api/runs?lang=fr", bad_top_up);
  ASSERT_TRUE(fr);
  EXPECT_EQ(fr->status, 400);
  EXPECT_EQ(body(fr)["error"]["pointer"], "lang");
  EXPECT_EQ(c.Get("/api/scenarios?lang=vi")->status, 200);
  EXPECT_EQ(c.Get("/api/scenarios?lang=")->status, 400);
}

}  // namespace
}  // namespace cadresim::workspace
