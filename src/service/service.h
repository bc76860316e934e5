// The HTTP service behind `plainlang serve`: the analyser over JSON, for a
// patient portal or any program that cannot link C++, plus a review page.
//
//   POST /v1/analyze          {"text": ..., options} -> the JSON report
//   POST /v1/analyze/batch    {"texts": [...], options} -> {"reports": [...]}
//   GET  /v1/lexicon/info     versions and sizes of the loaded tables
//   GET  /healthz             {"status": "ok"}
//   GET  /                    the review page;  GET /openapi.yaml  this API
//
// openapi.yaml at the top of the repository is the contract.
//
//   plainlang::Service service(plainlang::Lexicon::Default(), options);
//   if (!service.Bind(&error)) ...;
//   service.Run();  // until another thread calls service.Stop()
#ifndef PLAINLANG_SERVICE_SERVICE_H_
#define PLAINLANG_SERVICE_SERVICE_H_

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "plainlang/analyzer.h"
#include "plainlang/lexicon.h"

namespace plainlang {

// Every default in one place.
//
//   option          default      meaning
//   host            127.0.0.1    address to listen on; beyond loopback needs a token
//   port            8080         0 = any free port, see Service::port()
//   threads         0            analyses run at once; 0 = one per core
//   max_body_bytes  1 MiB        larger request bodies get 413
//   max_connections 256          connections served at once, each by a thread of
//                                its own, so clients slow to send hold a thread,
//                                not an analysis worker; past it new clients wait
//                                in the listen backlog (1,024)
//   head_deadline   10 s         to send the request line and headers (16 KiB and
//                                100 fields at most), from the connection's accept
//   body_deadline   30 s         to send the body, from the end of the headers
//   token           empty        when set, every request needs
//                                "Authorization: Bearer <token>" (else 401)
//   access_log      stderr       receives one line per request (no newline)
//   analyzer        {}           options for requests that set none
struct ServiceOptions {
  std::string host = "127.0.0.1";
  int port = 8080;
  int threads = 0;
  size_t max_body_bytes = size_t{1} << 20;
  size_t max_connections = 256;
  std::chrono::milliseconds head_deadline{10000};
  std::chrono::milliseconds body_deadline{30000};
  std::string token;
  std::function<void(std::string_view line)> access_log;
  AnalyzerOptions analyzer;
};

// True for 127.0.0.0/8, ::1 and "localhost": addresses only this machine
// can reach.
bool IsLoopbackHost(std::string_view host);

// Empty when the options are usable, else why not (one line). Refuses a host
// beyond loopback without a token: patient messages must not be open to the
// network by default.
std::string ServiceOptionsProblem(const ServiceOptions& options);

// Serves each connection on a thread of its own, one request per
// connection, with at most `threads` analyses at once; each request is
// analysed with the one shared lexicon and that request's options. Run()
// blocks; Stop() is safe from any thread (or a signal-watching thread) and
// makes Run() return once every connection already accepted is answered,
// each within its deadlines.
class Service {
 public:
  Service(std::shared_ptr<const Lexicon> lexicon, ServiceOptions options);
  ~Service();
  // Owns a listening socket and the workers answering it.
  Service(const Service&) = delete;
  Service& operator=(const Service&) = delete;

  // Opens the listening socket. False, with the reason in `error`, when the
  // options are refused or the address cannot be bound.
  bool Bind(std::string* error);
  int port() const;     // the bound port (useful with port 0); -1 before Bind
  int threads() const;  // the worker count actually used

  // Serves until Stop(). Returns true after a clean stop.
  bool Run();
  void Stop();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace plainlang

#endif  // PLAINLANG_SERVICE_SERVICE_H_
