#pragma once
/// @file The thin HTTP layer of `cadresim serve` (cpp-httplib): routes requests to the
/// workspace's units, sends the embedded page, enforces the token and the Host check, and turns
/// every refused request into a JSON error. The API is listed in docs/workspace.md § API.

#include <filesystem>  // std::filesystem::path
#include <memory>      // std::unique_ptr
#include <string>      // std::string

#include "workspace/request.hpp"  // Limits

namespace cadresim::workspace {

/// How to serve.
struct ServerOptions {
  std::string host = "127.0.0.1";         ///< address to bind
  int port = 8080;                        ///< 0 = any free port
  std::filesystem::path scenario_folder;  ///< the only files the page can open
  /// Required on every request when not empty: ?token=, the cookie cadresim_token, or the
  /// header X-Cadresim-Token.
  std::string token;
  unsigned threads = 0;  ///< worker threads of a run (0 = all cores)
  Limits limits;
};

/// True for 127.0.0.1, ::1 and localhost: the addresses that need no token.
bool is_loopback(const std::string& host);

/// The workspace server.
class Server {
 public:
  explicit Server(ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;
  /// Binds the address; returns the port (useful with port 0). Throws std::runtime_error when
  /// the address cannot be bound.
  int bind();
  /// Serves until stop() (after bind()).
  void listen();
  /// Stops listen(); cancels runs when the server is destroyed.
  void stop();
  /// The address to open in a browser, with the token when one is required.
  std::string address() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace cadresim::workspace
