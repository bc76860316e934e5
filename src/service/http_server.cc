#include "service/http_server.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <system_error>
#include <tuple>

#include "text/byte_scan.h"

namespace plainlang {
namespace {

using Clock = std::chrono::steady_clock;

// What a connection read gave: bytes, the end of the stream, or nothing
// before the deadline (or an error, which ends the connection as well).
constexpr ssize_t kTimedOut = -2;

// Waits for `events` on `fd` until `deadline`; false when it passed.
bool WaitFor(int fd, short events, Clock::time_point deadline) {
  while (true) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) return false;
    pollfd p{fd, events, 0};
    const int ready = ::poll(&p, 1, static_cast<int>(std::min<long long>(left, 1 << 30)));
    if (ready > 0) return true;
    if (ready < 0 && errno != EINTR) return false;
  }
}

ssize_t ReadSome(int fd, char* into, size_t size, Clock::time_point deadline) {
  while (true) {
    const ssize_t n = ::recv(fd, into, size, MSG_DONTWAIT);
    if (n >= 0) return n;
    if (errno == EINTR) continue;
    if (errno != EAGAIN && errno != EWOULDBLOCK) return -1;
    if (!WaitFor(fd, POLLIN, deadline)) return kTimedOut;
  }
}

// Whether all of `bytes` went out before `deadline`. A client that closed
// its sending half still reads: only an error or the deadline stops it.
bool WriteAll(int fd, std::string_view bytes, Clock::time_point deadline) {
  while (!bytes.empty()) {
    const ssize_t n = ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n > 0) {
      bytes.remove_prefix(static_cast<size_t>(n));
    } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      if (!WaitFor(fd, POLLOUT, deadline)) return false;
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else {
      return false;
    }
  }
  return true;
}

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return LowerAscii(x) == LowerAscii(y);
         });
}

// RFC 9110 token characters: methods and header names.
bool IsToken(std::string_view text) {
  static constexpr std::string_view kMarks = "!#$%&'*+-.^_`|~";
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return IsAsciiLetter(c) || IsAsciiDigit(c) || kMarks.find(c) != std::string_view::npos;
  });
}

std::string_view TrimSpaces(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

std::string_view ReasonPhrase(int status) {
  switch (status) {
    case 100: return "Continue";
    case 200: return "OK";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 411: return "Length Required";
    case 413: return "Payload Too Large";
    case 415: return "Unsupported Media Type";
    case 417: return "Expectation Failed";
    case 422: return "Unprocessable Entity";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    case 505: return "HTTP Version Not Supported";
    default: return "Unknown";
  }
}

// Where the head ends in `buffer` (searched from `from`): the offset of the
// blank line's first byte and of the body's first, or npos.
std::pair<size_t, size_t> HeadEnd(std::string_view buffer, size_t from) {
  for (size_t k = from; k < buffer.size(); ++k) {
    if (buffer[k] != '\n') continue;
    if (k + 1 < buffer.size() && buffer[k + 1] == '\n') return {k + 1, k + 2};
    if (k + 2 < buffer.size() && buffer[k + 1] == '\r' && buffer[k + 2] == '\n') {
      return {k + 1, k + 3};
    }
  }
  return {std::string_view::npos, std::string_view::npos};
}

}  // namespace

std::string_view HttpRequest::Header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (EqualsIgnoringCase(key, name)) return value;
  }
  return {};
}

size_t HttpRequest::HeaderCount(std::string_view name) const {
  return static_cast<size_t>(std::count_if(headers.begin(), headers.end(), [&](const auto& h) {
    return EqualsIgnoringCase(h.first, name);
  }));
}

void HttpResponse::Set(int code, std::string content, std::string_view content_type) {
  status = code;
  body = std::move(content);
  SetHeader("Content-Type", std::string(content_type));
}

void HttpResponse::SetHeader(std::string name, std::string value) {
  for (auto& [key, old] : headers) {
    if (EqualsIgnoringCase(key, name)) {
      old = std::move(value);
      return;
    }
  }
  headers.emplace_back(std::move(name), std::move(value));
}

int ParseRequestHead(std::string_view head, size_t max_headers, HttpRequest* request) {
  // Blank lines before the request line are tolerated (RFC 9112, 2.2).
  while (head.starts_with("\r\n") || head.starts_with("\n")) {
    head.remove_prefix(head[0] == '\r' ? 2 : 1);
  }
  auto next_line = [&head]() {
    const size_t lf = head.find('\n');
    std::string_view line = head.substr(0, lf);
    head = lf == std::string_view::npos ? std::string_view() : head.substr(lf + 1);
    if (line.ends_with('\r')) line.remove_suffix(1);
    return line;
  };
  const std::string_view line = next_line();
  const size_t first_space = line.find(' ');
  const size_t last_space = line.rfind(' ');
  if (first_space == std::string_view::npos || last_space == first_space) return 400;
  const std::string_view method = line.substr(0, first_space);
  const std::string_view target = line.substr(first_space + 1, last_space - first_space - 1);
  const std::string_view version = line.substr(last_space + 1);
  if (!IsToken(method) || target.empty() || target.find(' ') != std::string_view::npos) return 400;
  if (target[0] != '/' && target != "*") return 400;
  for (char c : target) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F) return 400;
  }
  if (!version.starts_with("HTTP/") || version.size() != 8 || !IsAsciiDigit(version[5]) ||
      version[6] != '.' || !IsAsciiDigit(version[7])) {
    return 400;
  }
  request->method = method;
  request->target = target;
  request->version = version;
  request->path = target.substr(0, target.find('?'));
  if (version != "HTTP/1.1" && version != "HTTP/1.0") return 505;
  while (!head.empty()) {
    const std::string_view field = next_line();
    if (field.empty()) break;
    // A folded line (obsolete) or a space before the colon is refused, as
    // RFC 9112 asks: it is how requests are smuggled past proxies.
    const size_t colon = field.find(':');
    if (colon == std::string_view::npos || !IsToken(field.substr(0, colon))) return 400;
    const std::string_view value = TrimSpaces(field.substr(colon + 1));
    for (char c : value) {
      if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7F) return 400;
    }
    if (request->headers.size() == max_headers) return 431;
    request->headers.emplace_back(field.substr(0, colon), value);
  }
  return 0;
}

std::string SerializeResponse(const HttpResponse& response, bool head_only) {
  std::string out = "HTTP/1.1 " + std::to_string(response.status) + " ";
  out += ReasonPhrase(response.status);
  out += "\r\n";
  for (const auto& [name, value] : response.headers) {
    if (EqualsIgnoringCase(name, "Content-Length") || EqualsIgnoringCase(name, "Connection")) {
      continue;
    }
    out.append(name).append(": ").append(value).append("\r\n");
  }
  out += "Content-Length: " + std::to_string(response.body.size()) + "\r\n";
  out += "Connection: close\r\n\r\n";
  if (!head_only) out += response.body;
  return out;
}

HttpServer::HttpServer(HttpServerOptions options, Handlers handlers)
    : options_(std::move(options)), handlers_(std::move(handlers)) {}

HttpServer::~HttpServer() {
  Stop();
  for (std::thread& worker : workers_) {
    if (worker.joinable()) worker.join();
  }
  if (listen_fd_ >= 0) ::close(listen_fd_);
}

bool HttpServer::Bind(const std::string& host, int port, std::string* error) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  addrinfo* found = nullptr;
  if (const int code = ::getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found);
      code != 0) {
    *error = gai_strerror(code);
    return false;
  }
  // "localhost" may name ::1 first; clients try 127.0.0.1 as often.
  std::vector<addrinfo*> addresses;
  for (addrinfo* a = found; a != nullptr; a = a->ai_next) addresses.push_back(a);
  std::stable_partition(addresses.begin(), addresses.end(),
                        [](const addrinfo* a) { return a->ai_family == AF_INET; });
  int last_error = 0;
  for (addrinfo* a : addresses) {
    if (listen_fd_ >= 0) break;
    const int fd = ::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC, a->ai_protocol);
    if (fd < 0) {
      last_error = errno;
      continue;
    }
    const int on = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    if (::bind(fd, a->ai_addr, a->ai_addrlen) == 0 && ::listen(fd, options_.backlog) == 0) {
      listen_fd_ = fd;
    } else {
      last_error = errno;
      ::close(fd);
    }
  }
  ::freeaddrinfo(found);
  if (listen_fd_ < 0) {
    *error = std::strerror(last_error);
    return false;
  }
  sockaddr_storage bound{};
  socklen_t size = sizeof bound;
  ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&bound), &size);
  port_ = ntohs(bound.ss_family == AF_INET6 ? reinterpret_cast<sockaddr_in6*>(&bound)->sin6_port
                                            : reinterpret_cast<sockaddr_in*>(&bound)->sin_port);
  return true;
}

void HttpServer::Run() {
  while (!stopping_) {
    {
      // Past the cap on connections, further clients wait in the backlog.
      std::unique_lock<std::mutex> lock(mutex_);
      room_.wait(
          lock, [this] { return busy_ + waiting_.size() < options_.max_connections || stopping_; });
    }
    // Accepting in turns of a quarter second sees Stop() even where shutting
    // a listening socket does not wake accept.
    if (stopping_ || !WaitFor(listen_fd_, POLLIN, Clock::now() + std::chrono::milliseconds(250))) {
      continue;
    }
    const int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) {
      // Out of descriptors: the client waits in the backlog a moment.
      if (errno == EMFILE || errno == ENFILE)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
      continue;
    }
    // Headers and body go out in one write, but a 100 Continue goes first.
    const int on = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    {
      std::lock_guard<std::mutex> lock(mutex_);
      waiting_.push_back(fd);
      if (waiting_.size() > idle_) {
        try {
          workers_.emplace_back([this] { Work(); });
        } catch (const std::system_error&) {
          // No thread to be had (a limit on processes): the connection
          // waits for a worker that has one, or, with none, is closed.
          if (workers_.empty()) {
            waiting_.pop_back();
            ::close(fd);
          }
        }
      }
    }
    work_.notify_one();
  }
  {
    std::lock_guard<std::mutex> lock(mutex_);
    done_ = true;
  }
  work_.notify_all();
  for (std::thread& worker : workers_) worker.join();
  workers_.clear();
}

void HttpServer::Stop() {
  stopping_ = true;
  if (listen_fd_ >= 0) ::shutdown(listen_fd_, SHUT_RDWR);
  {
    // Taken, so that the accepting loop cannot miss the flag between its
    // test and its wait.
    std::lock_guard<std::mutex> lock(mutex_);
  }
  room_.notify_all();
}

void HttpServer::Work() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (true) {
    // Idle from the moment its last connection closed, under one lock, so
    // that the accepting loop never starts a worker it did not need.
    ++idle_;
    work_.wait(lock, [this] { return !waiting_.empty() || done_; });
    --idle_;
    if (waiting_.empty()) return;  // done, and every connection answered
    const int fd = waiting_.front();
    waiting_.pop_front();
    ++busy_;
    lock.unlock();
    try {
      Serve(fd);
    } catch (const std::exception&) {
      // Out of memory, or a handler that threw past its own guard: this
      // connection is lost (Serve closed it), the service goes on.
    }
    lock.lock();
    --busy_;
    room_.notify_one();
  }
}

void HttpServer::Serve(int fd) {
  // Closed on every way out, an exception's included.
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  HttpRequest request;
  HttpResponse response;
  for (const auto& [name, value] : options_.headers) response.SetHeader(name, value);
  std::string buffer;
  const Clock::time_point head_deadline = Clock::now() + options_.head_deadline;
  int refusal = 0;
  size_t head_end = std::string::npos, body_start = 0, searched = 0;
  char chunk[16 * 1024];
  while (head_end == std::string::npos) {
    std::tie(head_end, body_start) = HeadEnd(buffer, searched);
    if (head_end != std::string::npos) break;
    searched = buffer.size() > 2 ? buffer.size() - 2 : 0;
    if (buffer.size() > options_.max_head_bytes) {
      refusal = 431;
      break;
    }
    const ssize_t n = ReadSome(fd, chunk, sizeof chunk, head_deadline);
    if (n == kTimedOut && !buffer.empty()) {
      refusal = 408;
      break;
    }
    if (n <= 0) return;  // gone, or never said anything: nobody to answer
    buffer.append(chunk, static_cast<size_t>(n));
  }
  request.received = Clock::now();
  // One read may have carried the head past its limit.
  if (refusal == 0 && head_end > options_.max_head_bytes) refusal = 431;
  if (refusal == 0) {
    refusal = ParseRequestHead(std::string_view(buffer).substr(0, head_end), options_.max_headers,
                               &request);
  }
  if (refusal == 0) handlers_.before_body(request, response);
  if (refusal == 0 && response.status == 0) {
    refusal = ReadBody(fd, buffer.substr(body_start), request);
    if (refusal < 0) return;  // the client left before sending its body
  }
  if (refusal != 0) {
    handlers_.refuse(refusal, request, response);
  } else if (response.status == 0) {
    handlers_.handle(request, response);
  }
  WriteAll(fd, SerializeResponse(response, request.method == "HEAD"),
           Clock::now() + options_.write_deadline);
  handlers_.log(request, response);
  // Bytes left unread when a socket closes make the kernel send a reset,
  // which can destroy the answer before the client reads it: say we are
  // done, and read what is left for a moment (a shorter one when stopping).
  ::shutdown(fd, SHUT_WR);
  const Clock::time_point linger =
      Clock::now() + (stopping_ ? std::chrono::milliseconds(100) : std::chrono::seconds(1));
  for (size_t drained = 0; drained < (size_t{1} << 20);) {
    const ssize_t n = ReadSome(fd, chunk, sizeof chunk, linger);
    if (n <= 0) break;
    drained += static_cast<size_t>(n);
  }
}

int HttpServer::ReadBody(int fd, std::string buffer, HttpRequest& request) {
  // Only a body whose size is known before it is read.
  if (request.HeaderCount("Transfer-Encoding") > 0) return 411;
  const size_t lengths = request.HeaderCount("Content-Length");
  if (lengths > 1) return 400;
  size_t length = 0;
  if (lengths == 1) {
    const std::string_view text = request.Header("Content-Length");
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), length);
    if (text.empty() || error != std::errc() || end != text.data() + text.size() ||
        !IsAsciiDigit(text[0])) {
      return 400;
    }
  }
  if (length > options_.max_body_bytes) return 413;
  const Clock::time_point deadline = Clock::now() + options_.body_deadline;
  if (const std::string_view expect = request.Header("Expect"); !expect.empty()) {
    if (!EqualsIgnoringCase(expect, "100-continue")) return 417;
    if (request.version == "HTTP/1.1" && length > buffer.size() &&
        !WriteAll(fd, "HTTP/1.1 100 Continue\r\n\r\n", deadline)) {
      return -1;
    }
  }
  // Bytes past the body (a pipelined request) are not read: one request
  // per connection.
  if (buffer.size() > length) buffer.resize(length);
  request.body = std::move(buffer);
  // Room as the bytes come, not as announced: a client may announce the
  // limit and send nothing.
  request.body.reserve(std::min(length, size_t{64} * 1024));
  char chunk[16 * 1024];
  while (request.body.size() < length) {
    const ssize_t n =
        ReadSome(fd, chunk, std::min(sizeof chunk, length - request.body.size()), deadline);
    if (n == kTimedOut) return 408;
    if (n <= 0) return -1;
    request.body.append(chunk, static_cast<size_t>(n));
  }
  return 0;
}

}  // namespace plainlang
