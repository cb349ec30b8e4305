// `cadresim serve`: the browser workspace (docs/workspace.md). Parses the options, starts the
// workspace server (workspace/http_server.hpp), prints the address and serves until Ctrl-C.
#include <fmt/core.h>                 // fmt::print
#include <boost/program_options.hpp>  // options of the subcommand

#include <chrono>      // std::chrono::milliseconds
#include <filesystem>  // std::filesystem::is_directory
#include <thread>      // the thread that stops the server on Ctrl-C

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/run_support.hpp"  // install_interrupt_handler, g_interrupted
#include "sim/scenario/limits.hpp"
#include "workspace/http_server.hpp"
#include "workspace/rooms.hpp"  // random_code

namespace po = boost::program_options;

namespace cadresim::cli {

int serve_main(std::span<const std::string> args) {
  CommandLine line{
      po::options_description(
          "Usage: cadresim serve [options]\n\n"
          "Starts the browser workspace: pick a scenario or exercise, move the support levers "
          "and\n"
          "rotation quotas, run against the baseline, follow a cadre, and hold a room of teams.\n"
          "Listens on 127.0.0.1 only unless --host is given; then every request needs the "
          "session\n"
          "token printed at start (in the address). Nothing is fetched from elsewhere.\n\n"
          "Examples:\n"
          "  cadresim serve\n"
          "  cadresim serve --port 9000 --scenarios scenarios\n"
          "  cadresim serve --host 0.0.0.0      (a training room on the local network)\n\n"
          "Options"),
      {},
      {}};
  std::string host = "127.0.0.1", folder = "scenarios", port_text, threads_text;
  line.visible.add_options()("help,h", "show this help")(
      "host", po::value(&host)->default_value("127.0.0.1"),
      "address to listen on; any other than 127.0.0.1/localhost/::1 requires the token")(
      "port", po::value(&port_text)->default_value("8080"), "port, 0 = any free port")(
      "scenarios", po::value(&folder)->default_value("scenarios"),
      "the folder of scenarios the page may open (nothing outside it)")(
      "threads", po::value(&threads_text)->default_value("0"),
      "worker threads of a run (0 = all cores)");
  int rc = kOk;
  const auto parsed = parse_command_line(args, line, "serve", rc);
  if (!parsed) return rc;
  const auto port = parse_whole_number(port_text, "port", 0, 65535, "serve");
  const auto threads =
      parse_whole_number(threads_text, "threads", 0, scenario::kMaxThreads, "serve");
  if (!port || !threads) return kUsageError;
  std::error_code ec;
  if (!std::filesystem::is_directory(folder, ec)) {
    fmt::print(stderr, "{}\n", message("cli.serve.no_folder", folder));
    return kUsageError;
  }
  workspace::ServerOptions options;
  options.host = host;
  options.port = static_cast<int>(*port);
  options.scenario_folder = folder;
  options.threads = static_cast<unsigned>(*threads);
  if (!workspace::is_loopback(host)) options.token = workspace::random_code(24);
  try {
    workspace::Server server(options);
    server.bind();
    install_interrupt_handler();
    fmt::print("{}\n", message("cli.serve.open", server.address()));
    if (!options.token.empty()) fmt::print("{}\n", message("cli.serve.listening", host));
    fmt::print("{}\n", message("cli.serve.scenarios", folder));
    std::fflush(stdout);
    std::atomic<bool> done{false};
    std::thread watcher([&] {
      while (!done.load() && !g_interrupted.load())
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      server.stop();
    });
    server.listen();
    done = true;
    watcher.join();
    fmt::print("{}\n", message("cli.serve.stopped"));
    return g_interrupted.load() ? kOk : kRuntimeFailure;
  } catch (const std::exception& e) {
    fmt::print(stderr, "cadresim serve: {}\n", e.what());
    return kRuntimeFailure;
  }
}

}  // namespace cadresim::cli
