// The HTTP/1.1 server under the service: one request per connection, read
// within deadlines for the whole head and the whole body (not for each
// read), with every limit checked before the bytes it limits are read.
// Only what the service needs: a Content-Length body (no chunked or
// compressed framing), no Range, no keep-alive, no TLS.
#ifndef PLAINLANG_SERVICE_HTTP_SERVER_H_
#define PLAINLANG_SERVICE_HTTP_SERVER_H_

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace plainlang {

using HttpHeaders = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest {
  std::string method, target, version;  // as sent: "POST", "/v1/analyze?x=1", "HTTP/1.1"
  std::string path;                     // the target up to any '?'
  HttpHeaders headers;                  // in the order sent, names as sent
  std::string body;
  // When the head was read (or refused): the start of the request's time.
  std::chrono::steady_clock::time_point received;

  // The first value of the header `name` (any case), or empty.
  std::string_view Header(std::string_view name) const;
  size_t HeaderCount(std::string_view name) const;
};

struct HttpResponse {
  int status = 0;  // 0 until answered
  HttpHeaders headers;
  std::string body;

  void Set(int code, std::string content, std::string_view content_type);
  void SetHeader(std::string name, std::string value);
};

struct HttpServerOptions {
  size_t max_head_bytes = 16 * 1024;  // request line and headers together
  size_t max_headers = 100;
  size_t max_body_bytes = size_t{1} << 20;
  size_t max_connections = 256;  // served at once; past it clients wait in the backlog
  int backlog = 1024;
  std::chrono::milliseconds head_deadline{10000};  // from accepting to the head's end
  std::chrono::milliseconds body_deadline{30000};  // from the head's end to the body's
  std::chrono::milliseconds write_deadline{10000};
  HttpHeaders headers;  // added to every response
};

// Parses a request head (request line and header lines, without the blank
// line that ends it; lines end in CRLF or LF) into *request. Returns 0, or
// the status to answer: 400 for a malformed line, 431 for too many headers,
// 505 for a version other than HTTP/1.0 and 1.1.
int ParseRequestHead(std::string_view head, size_t max_headers, HttpRequest* request);

// The bytes of a response: status line, `response.headers`, Content-Length
// and "Connection: close", then the body unless `head_only`.
std::string SerializeResponse(const HttpResponse& response, bool head_only);

class HttpServer {
 public:
  struct Handlers {
    // After the head, before the body: an answer set here (status != 0) is
    // sent without reading the body.
    std::function<void(const HttpRequest&, HttpResponse&)> before_body;
    // The whole request.
    std::function<void(const HttpRequest&, HttpResponse&)> handle;
    // After each answer is written (or could not be).
    std::function<void(const HttpRequest&, const HttpResponse&)> log;
    // Fills the answer to a request the server refuses itself, with
    // `status`: 400, 408, 411, 413, 417, 431 or 505.
    std::function<void(int status, const HttpRequest&, HttpResponse&)> refuse;
  };

  HttpServer(HttpServerOptions options, Handlers handlers);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Listens on host:port (port 0: any free one). False with the reason.
  bool Bind(const std::string& host, int port, std::string* error);
  int port() const { return port_; }
  // Serves until Stop(), then answers every connection already accepted
  // (each within its deadlines) and returns.
  void Run();
  // Safe from any thread, before or during Run.
  void Stop();

 private:
  void Serve(int fd);
  // Reads the body announced in `request` after `buffer` (what was read past
  // the head) within the body deadline; 0, or the status to refuse with.
  int ReadBody(int fd, std::string buffer, HttpRequest& request);
  void Work();

  const HttpServerOptions options_;
  const Handlers handlers_;
  int listen_fd_ = -1;
  int port_ = -1;
  std::atomic<bool> stopping_{false};
  std::mutex mutex_;
  std::condition_variable work_;  // for the workers: a connection waits, or done
  std::condition_variable room_;  // for the accepting loop: a connection closed
  std::deque<int> waiting_;       // accepted, not yet taken by a worker
  size_t busy_ = 0;               // connections taken and not yet closed
  size_t idle_ = 0;               // workers waiting for a connection
  bool done_ = false;             // no more connections: workers end
  std::vector<std::thread> workers_;
};

}  // namespace plainlang

#endif  // PLAINLANG_SERVICE_HTTP_SERVER_H_
