// The HTTP service: every route and error over real HTTP on a loopback port,
// concurrency, token auth, the body limit, a log that never holds message
// text, and `plainlang serve` stopping cleanly on a signal.
#include "service/service.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <cmath>
#include <fstream>
#include <future>
#include <memory>
#include <mutex>

#include <cstdio>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "plainlang/analyzer.h"
#include "plainlang/output.h"
#include "service/analyze_request.h"
#include "service/http_server.h"

extern char** environ;

namespace plainlang {
namespace {

using nlohmann::json;

// A service on a free loopback port, serving on its own thread, with its
// access log captured.
class RunningService {
 public:
  explicit RunningService(ServiceOptions options = {}) {
    options.host = "127.0.0.1";
    options.port = 0;
    if (options.threads == 0) options.threads = 4;
    options.access_log = [this](std::string_view line) {
      std::lock_guard<std::mutex> lock(mutex_);
      log_.emplace_back(line);
    };
    service_ = std::make_unique<Service>(Lexicon::Default(), options);
    std::string error;
    bound_ = service_->Bind(&error);
    EXPECT_TRUE(bound_) << error;
    if (bound_) thread_ = std::thread([this] { service_->Run(); });
  }
  ~RunningService() { Stop(); }
  // Stops the service the way SIGTERM does and waits until Run returns.
  void Stop() {
    service_->Stop();
    if (thread_.joinable()) thread_.join();
  }

  int port() const { return service_->port(); }

  httplib::Client Client() const {
    httplib::Client client("127.0.0.1", service_->port());
    client.set_read_timeout(30, 0);
    client.set_tcp_nodelay(true);
    return client;
  }
  // The line is written after the response is sent: wait for `lines` of them.
  std::vector<std::string> Log(size_t lines = 0) const {
    for (int tries = 0; tries < 2500; ++tries) {  // up to 5 s on a busy machine
      {
        std::lock_guard<std::mutex> lock(mutex_);
        if (log_.size() >= lines) return log_;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    std::lock_guard<std::mutex> lock(mutex_);
    return log_;
  }

 private:
  std::unique_ptr<Service> service_;
  bool bound_ = false;
  std::thread thread_;
  mutable std::mutex mutex_;
  std::vector<std::string> log_;
};

httplib::Result PostJson(httplib::Client& client, const std::string& path, const json& body) {
  return client.Post(path.c_str(), body.dump(), "application/json");
}

std::string ErrorCode(const httplib::Result& result) {
  return json::parse(result->body)["error"]["code"];
}

std::string ErrorMessage(const httplib::Result& result) {
  return json::parse(result->body)["error"]["message"];
}

const std::string kMessage =
    "Your BP is elevated. Continue lisinopril 10 mg PO BID and f/u in 2 wks. "
    "The echo showed bilateral edema.";

// The kernel queues 1,024 connections for the service, not cpp-httplib's
// prebuilt default of 5, whose overflow reset connections under 16 clients
// that connect per request.
TEST(ServiceTest, ListensWithABacklogOf1024) {
  RunningService service;
  const std::string command =
      "ss -ltnH 'sport = :" + std::to_string(service.port()) + "' 2>/dev/null";
  FILE* pipe = popen(command.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  char line[512] = {};
  const bool read = fgets(line, sizeof line, pipe) != nullptr;
  pclose(pipe);
  if (!read) GTEST_SKIP() << "ss (iproute2) is not installed";
  std::istringstream fields(line);
  std::string state;
  long queued = -1, backlog = -1;
  fields >> state >> queued >> backlog;
  EXPECT_EQ(state, "LISTEN");
  EXPECT_EQ(backlog, 1024) << line;
}

// Sends `request` as bytes on a new connection and returns the status line
// of the answer ("HTTP/1.1 411 Length Required").
std::string StatusLine(int port, const std::string& request) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    close(fd);
    return "connect failed";
  }
  send(fd, request.data(), request.size(), MSG_NOSIGNAL);
  std::string answer;
  char buffer[4096];
  for (ssize_t got; (got = recv(fd, buffer, sizeof buffer, 0)) > 0;) {
    answer.append(buffer, static_cast<size_t>(got));
    if (answer.find("\r\n") != std::string::npos) break;
  }
  close(fd);
  return answer.substr(0, answer.find("\r\n"));
}

// Every framing meets the body limit: a body the service cannot measure
// before reading it, or whose size is ambiguous, is refused; no route
// answers a Range with parts.
TEST(ServiceTest, BodiesThatCannotBeMeasuredFirstAreRefused) {
  ServiceOptions options;
  options.max_body_bytes = 1000;
  RunningService service(options);
  const std::string head =
      "POST /v1/analyze HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n";
  const std::string body = "{\"text\":\"" + std::string(2000, 'a') + "\"}";
  char size[16];
  std::snprintf(size, sizeof size, "%zx", body.size());
  EXPECT_EQ(StatusLine(service.port(), head + "Transfer-Encoding: chunked\r\n\r\n" + size + "\r\n" +
                                           body + "\r\n0\r\n\r\n"),
            "HTTP/1.1 411 Length Required");
  EXPECT_EQ(StatusLine(service.port(), head + "Connection: close\r\n\r\n{\"text\":\"hi\"}"),
            "HTTP/1.1 411 Length Required");
  EXPECT_EQ(
      StatusLine(service.port(), head + "Content-Encoding: gzip\r\nContent-Length: 5\r\n\r\nabcde"),
      "HTTP/1.1 415 Unsupported Media Type");
  EXPECT_EQ(StatusLine(service.port(), head + "Content-Length: 13\r\nContent-Length: 14\r\n\r\n" +
                                           "{\"text\":\"hi\"}"),
            "HTTP/1.1 400 Bad Request");
  EXPECT_EQ(StatusLine(service.port(), head + "Content-Length: -1\r\n\r\n{\"text\":\"hi\"}"),
            "HTTP/1.1 400 Bad Request");
  EXPECT_EQ(StatusLine(service.port(), head + "Content-Length: 13\r\n\r\n{\"text\":\"hi\"}"),
            "HTTP/1.1 200 OK");
  EXPECT_EQ(StatusLine(service.port(),
                       "GET /openapi.yaml HTTP/1.1\r\nHost: x\r\nRange: bytes=0-,0-,0-\r\n\r\n"),
            "HTTP/1.1 200 OK");
  // The answers that were misleading: a form body is the wrong type, not
  // too large; a large body announced with Expect is refused, not invited.
  EXPECT_EQ(StatusLine(service.port(),
                       "POST /v1/analyze HTTP/1.1\r\nHost: x\r\nContent-Type: "
                       "application/x-www-form-urlencoded\r\nContent-Length: 20000\r\n\r\n" +
                           std::string(20000, 'a')),
            "HTTP/1.1 415 Unsupported Media Type");
  EXPECT_EQ(
      StatusLine(service.port(), head + "Expect: 100-continue\r\nContent-Length: 50000000\r\n\r\n"),
      "HTTP/1.1 413 Payload Too Large");
  std::string many = "GET /healthz HTTP/1.1\r\nHost: x\r\n";
  for (int k = 0; k < 300; ++k) many += "X-Filler-" + std::to_string(k) + ": 1\r\n";
  EXPECT_EQ(StatusLine(service.port(), many + "\r\n"),
            "HTTP/1.1 431 Request Header Fields Too Large");
  // Few fields, but more than 16 KiB of them, sent at once.
  EXPECT_EQ(StatusLine(service.port(),
                       "GET /healthz HTTP/1.1\r\nX-Long: " + std::string(20000, 'a') + "\r\n\r\n"),
            "HTTP/1.1 431 Request Header Fields Too Large");
}

// Stopping answers every request already accepted, not only the one a
// worker holds: queued connections used to be closed with no reply.
TEST(ServiceTest, StopAnswersTheRequestsAlreadyAccepted) {
  ServiceOptions options;
  options.threads = 1;
  options.max_body_bytes = 10 << 20;
  RunningService service(options);
  std::string text;
  for (int k = 0; k < 60000; ++k) text += "Your BP is fine and the CBC was unremarkable. ";
  const std::string body = json{{"text", text}}.dump();
  std::vector<int> statuses(5, -1);
  std::vector<std::thread> clients;
  for (size_t k = 0; k < statuses.size(); ++k) {
    clients.emplace_back([&, k] {
      httplib::Client client = service.Client();
      if (auto res = client.Post("/v1/analyze", body, "application/json"))
        statuses[k] = res->status;
    });
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // one runs, the rest queue
  service.Stop();
  for (std::thread& client : clients) client.join();
  EXPECT_EQ(statuses, std::vector<int>(statuses.size(), 200));
}

// Clients slow to send their headers hold connection threads, not the
// analysis workers: a normal request is still answered at once.
TEST(ServiceTest, SlowClientsDoNotHoldTheWorkers) {
  ServiceOptions options;
  options.threads = 1;
  RunningService service(options);
  std::vector<int> slow;
  for (int k = 0; k < 40; ++k) {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(service.port()));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    const std::string start = "POST /v1/analyze HTTP/1.1\r\nHost: x\r\n";  // and no more
    send(fd, start.data(), start.size(), MSG_NOSIGNAL);
    slow.push_back(fd);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  const auto started = std::chrono::steady_clock::now();
  httplib::Client client = service.Client();
  auto res = client.Post("/v1/analyze", R"({"text":"Rest well."})", "application/json");
  const auto waited = std::chrono::steady_clock::now() - started;
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_LT(waited, std::chrono::seconds(1));
  for (int fd : slow) close(fd);
}

TEST(ServiceTest, HealthzSaysOk) {
  RunningService service;
  auto client = service.Client();
  auto result = client.Get("/healthz");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200);
  EXPECT_EQ(result->body, R"({"status":"ok"})");
  EXPECT_EQ(result->get_header_value("Content-Type"), "application/json");
}

TEST(ServiceTest, AnalyzeAnswersTheEnginesJsonReport) {
  RunningService service;
  auto client = service.Client();
  auto result = PostJson(client, "/v1/analyze", {{"text", kMessage}});
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200);
  EXPECT_EQ(result->body, ToJson(Analyzer().Analyze(kMessage)));
  EXPECT_EQ(json::parse(result->body)["jargon"]["distinct_terms"], 8);  // with "wks", "echo"
}

TEST(ServiceTest, AnalyzeAppliesTheRequestsOptions) {
  RunningService service;
  auto client = service.Client();
  auto result = PostJson(client, "/v1/analyze",
                         {{"text", kMessage},
                          {"target_grade", 12.5},
                          {"max_jargon", 0.5},
                          {"long_sentence_words", 5}});
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200);
  AnalyzerOptions options;
  options.target_grade = 12.5;
  options.max_jargon = 0.5;
  options.long_sentence_words = 5;
  EXPECT_EQ(result->body, ToJson(Analyzer(options).Analyze(kMessage)));
  json report = json::parse(result->body);
  EXPECT_EQ(report["verdict"]["target_grade"], 12.5);
  EXPECT_TRUE(std::any_of(report["findings"].begin(), report["findings"].end(),
                          [](const json& f) { return f["kind"] == "long_sentence"; }));
}

TEST(ServiceTest, OffsetsIndexTheTextInUtf16ForABrowser) {
  RunningService service;
  auto client = service.Client();
  // "Café " is 5 UTF-16 units (6 bytes), the emoji 2 units (4 bytes).
  auto result = PostJson(client, "/v1/analyze", {{"text", "Café \U0001F600 BP is high."}});
  ASSERT_TRUE(result);
  json report = json::parse(result->body);
  ASSERT_EQ(report["findings"].size(), 1u);
  const json& bp = report["findings"][0];
  EXPECT_EQ(bp["text"], "BP");
  EXPECT_EQ(bp["start"], 11);
  EXPECT_EQ(bp["start_utf16"], 8);
  EXPECT_EQ(bp["end_utf16"], 10);
}

TEST(ServiceTest, BatchAnswersOneReportPerTextInOrder) {
  RunningService service;
  auto client = service.Client();
  const std::vector<std::string> texts = {kMessage, "", "Rest well.", "Take metformin BID."};
  auto result = PostJson(client, "/v1/analyze/batch", {{"texts", texts}, {"target_grade", 6}});
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200);
  AnalyzerOptions options;
  options.target_grade = 6;
  std::string expected = R"({"reports":[)";
  for (size_t i = 0; i < texts.size(); ++i) {
    expected += (i ? "," : "") + ToJson(Analyzer(options).Analyze(texts[i]));
  }
  EXPECT_EQ(result->body, expected + "]}");

  auto empty = PostJson(client, "/v1/analyze/batch", {{"texts", json::array()}});
  ASSERT_TRUE(empty);
  EXPECT_EQ(empty->body, R"({"reports":[]})");
}

TEST(ServiceTest, BatchRefusesMoreThanTheMaximum) {
  RunningService service;
  auto client = service.Client();
  auto result = PostJson(client, "/v1/analyze/batch",
                         {{"texts", std::vector<std::string>(kMaxBatchTexts + 1, "Hi.")}});
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 400);
  EXPECT_EQ(ErrorCode(result), "invalid_request");
  EXPECT_NE(ErrorMessage(result).find("1000"), std::string::npos);
}

TEST(ServiceTest, BadRequestsGet400NamingTheProblem) {
  RunningService service;
  auto client = service.Client();
  struct Case {
    std::string body, code, message_part;
  };
  const std::vector<Case> cases = {
      {R"({"text": "unfinished)", "invalid_json", "not valid JSON"},
      {R"({"text": "a", "target_grade": 1e999})", "invalid_json", "a number is out of range"},
      {"[1, 2]", "invalid_request", "JSON object"},
      {R"({"txt": "hello"})", "invalid_request", "unknown field"},
      {R"({})", "invalid_request", "field \"text\" is missing or not a string"},
      {R"({"text": 42})", "invalid_request", "field \"text\" is missing or not a string"},
      {R"({"text": "a", "target_grade": "8"})", "invalid_request",
       "\"target_grade\" must be a number"},
      {R"({"text": "a", "target_grade": 21})", "invalid_request", "\"target_grade\" must be from"},
      {R"({"text": "a", "max_jargon": -0.1})", "invalid_request", "\"max_jargon\" must be from"},
      {R"({"text": "a", "long_sentence_words": 20.5})", "invalid_request",
       "\"long_sentence_words\" must be an integer"},
      {R"({"text": "a", "long_sentence_words": 18446744073709551615})", "invalid_request",
       "\"long_sentence_words\" must be from 1 to 1000"},
      {"{\"text\": \"\xff\"}", "invalid_json", "not valid JSON"},
  };
  for (const Case& c : cases) {
    auto result = client.Post("/v1/analyze", c.body, "application/json");
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 400) << c.body;
    EXPECT_EQ(ErrorCode(result), c.code) << c.body;
    EXPECT_NE(ErrorMessage(result).find(c.message_part), std::string::npos)
        << c.body << " -> " << ErrorMessage(result);
  }
  auto batch = client.Post("/v1/analyze/batch", R"({"texts": ["a", 7]})", "application/json");
  ASSERT_TRUE(batch);
  EXPECT_EQ(ErrorMessage(batch), "texts[1] is not a string");
}

TEST(ServiceTest, OnlyJsonBodiesAreAccepted) {
  RunningService service;
  auto client = service.Client();
  auto plain = client.Post("/v1/analyze", R"({"text": "hello"})", "text/plain");
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->status, 415);
  EXPECT_EQ(ErrorCode(plain), "unsupported_media_type");
  auto with_charset =
      client.Post("/v1/analyze", R"({"text": "hello"})", "Application/JSON; charset=utf-8");
  ASSERT_TRUE(with_charset);
  EXPECT_EQ(with_charset->status, 200);
}

TEST(ServiceTest, UnknownRoutesGet404AndWrongMethods405) {
  RunningService service;
  auto client = service.Client();
  auto missing = client.Get("/v1/analyse");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  EXPECT_EQ(ErrorCode(missing), "not_found");

  auto get_analyze = client.Get("/v1/analyze");
  ASSERT_TRUE(get_analyze);
  EXPECT_EQ(get_analyze->status, 405);
  EXPECT_EQ(ErrorCode(get_analyze), "method_not_allowed");
  EXPECT_EQ(get_analyze->get_header_value("Allow"), "POST");

  auto delete_health = client.Delete("/healthz");
  ASSERT_TRUE(delete_health);
  EXPECT_EQ(delete_health->status, 405);
  EXPECT_EQ(delete_health->get_header_value("Allow"), "GET, HEAD");

  httplib::Request trace;
  trace.method = "TRACE";
  trace.path = "/v1/analyze";
  auto trace_analyze = client.send(trace);
  ASSERT_TRUE(trace_analyze);
  EXPECT_EQ(trace_analyze->status, 405);

  auto post_info = client.Post("/v1/lexicon/info", "{}", "application/json");
  ASSERT_TRUE(post_info);
  EXPECT_EQ(post_info->status, 405);
}

TEST(ServiceTest, BodiesOverTheLimitGet413) {
  ServiceOptions options;
  options.max_body_bytes = 1024;
  RunningService service(options);
  auto client = service.Client();
  auto large = PostJson(client, "/v1/analyze", {{"text", std::string(2000, 'a')}});
  ASSERT_TRUE(large);
  EXPECT_EQ(large->status, 413);
  EXPECT_EQ(ErrorCode(large), "body_too_large");
  EXPECT_NE(ErrorMessage(large).find("1024 bytes"), std::string::npos);
  auto client2 = service.Client();
  auto small = PostJson(client2, "/v1/analyze", {{"text", std::string(900, 'a')}});
  ASSERT_TRUE(small);
  EXPECT_EQ(small->status, 200);
}

TEST(ServiceTest, LexiconInfoGivesTableSizesAndVersions) {
  RunningService service;
  auto client = service.Client();
  auto result = client.Get("/v1/lexicon/info");
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200);
  json info = json::parse(result->body);
  const Lexicon::Sizes sizes = Lexicon::Default()->sizes();
  EXPECT_EQ(info["lexicon"]["tables"]["terms"]["rows"], sizes.terms);
  EXPECT_EQ(info["lexicon"]["tables"]["abbreviations"]["rows"], sizes.abbreviations);
  EXPECT_EQ(info["lexicon"]["tables"]["medicines"]["rows"], sizes.medicines);
  EXPECT_EQ(info["lexicon"]["tables"]["words"]["rows"], sizes.words);
  EXPECT_EQ(info["lexicon"]["tables"]["affixes"]["rows"], sizes.affixes);
  EXPECT_GT(sizes.terms, 10000u);
  EXPECT_EQ(info["lexicon"]["tables"]["terms"]["sha256"].get<std::string>().size(), 64u);
  EXPECT_EQ(info["lexicon"]["version"].get<std::string>().rfind("sha256:", 0), 0u);
  EXPECT_EQ(info["lexicon"]["version"].get<std::string>().size(), 7u + 16u);
  EXPECT_EQ(info["plainlang_version"], "0.1.0");
  EXPECT_EQ(info["defaults"]["target_grade"], 8);
  EXPECT_EQ(info["limits"]["max_batch_texts"], kMaxBatchTexts);
  EXPECT_EQ(info["limits"]["max_body_bytes"], 1u << 20);
}

TEST(ServiceTest, ServesTheReviewPageAndTheApiDescription) {
  RunningService service;
  auto client = service.Client();
  auto page = client.Get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_EQ(page->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(page->get_header_value("Content-Security-Policy").find("default-src 'none'"),
            std::string::npos);
  EXPECT_NE(page->body.find("fetch(\"v1/analyze\""), std::string::npos);
  // Self-contained: nothing loaded from another origin.
  EXPECT_EQ(page->body.find("src=\"http"), std::string::npos);
  EXPECT_EQ(page->body.find("href=\"http"), std::string::npos);

  auto yaml = client.Get("/openapi.yaml");
  ASSERT_TRUE(yaml);
  std::ifstream file(std::string(PLAINLANG_SOURCE_DIR) + "/openapi.yaml", std::ios::binary);
  std::stringstream contents;
  contents << file.rdbuf();
  EXPECT_EQ(yaml->body, contents.str());
}

// "minimum" and "maximum" of a schema of components/schemas in openapi.yaml.
std::pair<double, double> SchemaBounds(const std::string& yaml, const std::string& schema) {
  const size_t at = yaml.find("\n    " + schema + ":\n");
  if (at == std::string::npos) return {NAN, NAN};
  // The schema's lines are indented further than its name.
  size_t end = yaml.find('\n', at + 1);
  while (end != std::string::npos && yaml.compare(end, 7, "\n      ") == 0) {
    end = yaml.find('\n', end + 1);
  }
  const std::string block = yaml.substr(at, end - at);
  auto number_after = [&](const std::string& key) {
    const size_t k = block.find(key);
    return k == std::string::npos ? NAN : std::stod(block.substr(k + key.size()));
  };
  return {number_after("minimum: "), number_after("maximum: ")};
}

// openapi.yaml states the ranges the service checks requests against.
TEST(ServiceTest, OpenApiRangesAreTheEngines) {
  std::ifstream file(std::string(PLAINLANG_SOURCE_DIR) + "/openapi.yaml", std::ios::binary);
  std::stringstream contents;
  contents << file.rdbuf();
  const std::string yaml = contents.str();
  EXPECT_EQ(SchemaBounds(yaml, "TargetGrade"),
            std::make_pair(kTargetGradeRange.low, kTargetGradeRange.high));
  EXPECT_EQ(SchemaBounds(yaml, "MaxJargon"),
            std::make_pair(kMaxJargonRange.low, kMaxJargonRange.high));
  EXPECT_EQ(SchemaBounds(yaml, "LongSentenceWords"),
            std::make_pair(double{kLongSentenceRange.low}, double{kLongSentenceRange.high}));
}

TEST(ServiceTest, SixteenConcurrentClientsGetTheSerialAnswers) {
  ServiceOptions options;
  options.threads = 4;
  RunningService service(options);
  std::vector<std::string> messages;
  for (int i = 0; i < 32; ++i) {
    messages.push_back(kMessage.substr(0, 20 + (i * 7) % 80) + " Call us about your MRI " +
                       std::to_string(i) + ".");
  }
  std::vector<std::string> serial;
  auto client = service.Client();
  for (const std::string& message : messages) {
    auto result = PostJson(client, "/v1/analyze", {{"text", message}});
    ASSERT_TRUE(result);
    serial.push_back(result->body);
    EXPECT_EQ(result->body, ToJson(Analyzer().Analyze(message)));
  }
  // A client that gets no answer at all (a read error on its connection)
  // tries once more. That happens to about one request in two thousand
  // here, so far only to the clients asking for keep-alive; the cause is not
  // found yet (README, known issues), so it is counted and bounded rather
  // than hidden. Every answer must equal the serial one.
  std::atomic<int> retries{0};
  std::vector<std::future<std::vector<std::string>>> clients;
  for (int c = 0; c < 16; ++c) {
    clients.push_back(std::async(std::launch::async, [&, c] {
      auto own = service.Client();
      own.set_keep_alive(c % 2 == 0);  // both connection styles
      std::vector<std::string> bodies(messages.size());
      for (size_t k = 0; k < messages.size(); ++k) {
        size_t i = (k + c * 5) % messages.size();  // each client its own order
        auto result = PostJson(own, "/v1/analyze", {{"text", messages[i]}});
        if (!result) {
          ++retries;
          result = PostJson(own, "/v1/analyze", {{"text", messages[i]}});
        }
        bodies[i] = result ? result->body : "request failed twice";
      }
      return bodies;
    }));
  }
  for (auto& future : clients) EXPECT_EQ(future.get(), serial);
  EXPECT_LE(retries.load(), 8) << "of " << 16 * messages.size() << " requests";
}

TEST(ServiceTest, TheLogNeverHoldsMessageText) {
  RunningService service;
  auto client = service.Client();
  const std::string marker = "Quillfeatherby";
  const std::string text = "Mr " + marker + " has bilateral edema, " + marker + "itis.";
  std::vector<httplib::Result> results;
  results.push_back(PostJson(client, "/v1/analyze", {{"text", text}}));
  results.push_back(PostJson(client, "/v1/analyze/batch", {{"texts", {text, text}}}));
  results.push_back(client.Post("/v1/analyze", "{\"text\": \"" + text, "application/json"));
  results.push_back(client.Post("/v1/analyze", "{\"" + marker + "\": 1}", "application/json"));
  results.push_back(client.Post("/v1/analyze", "{\"text\": \"" + text + "\"}", "text/plain"));
  results.push_back(client.Get(("/v1/" + marker).c_str()));
  results.push_back(client.Get(("/healthz?note=" + marker).c_str()));
  std::vector<int> statuses;
  for (const auto& result : results) {
    ASSERT_TRUE(result);
    statuses.push_back(result->status);
  }
  EXPECT_EQ(statuses, (std::vector<int>{200, 200, 400, 400, 415, 404, 200}));
  // Error answers do not echo the request either.
  for (size_t i = 2; i < 6; ++i) EXPECT_EQ(results[i]->body.find(marker), std::string::npos);

  std::vector<std::string> log = service.Log(results.size());
  ASSERT_EQ(log.size(), results.size());
  for (const std::string& line : log) {
    std::string lower = line;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    EXPECT_EQ(lower.find("quillfeatherby"), std::string::npos) << line;
    EXPECT_EQ(line.find("edema"), std::string::npos) << line;
  }
  // What the log does say: method, route, status, size, time. A line is
  // written after its answer is sent, so the next request's line can come
  // first: look for each line, not at a position.
  auto logged = [&log](const std::string& part) {
    return std::any_of(log.begin(), log.end(), [&part](const std::string& line) {
      return line.find(part) != std::string::npos && line.find("ms") != std::string::npos;
    });
  };
  EXPECT_TRUE(logged(" POST /v1/analyze 200 " + std::to_string(results[0]->body.size()) + "B "));
  EXPECT_TRUE(logged(" POST /v1/analyze 400 "));
  EXPECT_TRUE(logged(" POST /v1/analyze 415 "));
  EXPECT_TRUE(logged(" GET - 404 "));
  EXPECT_TRUE(logged(" GET /healthz 200 "));
}

TEST(ServiceTest, ATokenIsRequiredOnEveryRequest) {
  ServiceOptions options;
  options.token = "s3cret-token-for-tests";
  RunningService service(options);
  auto client = service.Client();
  for (const char* path : {"/healthz", "/", "/v1/lexicon/info", "/nowhere"}) {
    auto result = client.Get(path);
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 401) << path;
    EXPECT_EQ(ErrorCode(result), "unauthorized");
    EXPECT_EQ(result->get_header_value("WWW-Authenticate"), "Bearer realm=\"plainlang\"");
  }
  auto anonymous = PostJson(client, "/v1/analyze", {{"text", kMessage}});
  ASSERT_TRUE(anonymous);
  EXPECT_EQ(anonymous->status, 401);

  client.set_bearer_token_auth("s3cret-token-for-test");  // one character short
  EXPECT_EQ(client.Get("/healthz")->status, 401);
  client.set_bearer_token_auth("s3cret-token-for-testsX");
  EXPECT_EQ(client.Get("/healthz")->status, 401);
  client.set_bearer_token_auth("s3cret-token-for-tests");
  EXPECT_EQ(client.Get("/healthz")->status, 200);
  auto analyzed = PostJson(client, "/v1/analyze", {{"text", kMessage}});
  ASSERT_TRUE(analyzed);
  EXPECT_EQ(analyzed->status, 200);
  EXPECT_EQ(client.Get("/nowhere")->status, 404);
}

TEST(ServiceTest, OnlyLoopbackIsServedWithoutAToken) {
  EXPECT_TRUE(IsLoopbackHost("127.0.0.1"));
  EXPECT_TRUE(IsLoopbackHost("127.8.9.10"));
  EXPECT_TRUE(IsLoopbackHost("::1"));
  EXPECT_TRUE(IsLoopbackHost("localhost"));
  EXPECT_FALSE(IsLoopbackHost("0.0.0.0"));
  EXPECT_FALSE(IsLoopbackHost("::"));
  EXPECT_FALSE(IsLoopbackHost("192.168.1.20"));
  EXPECT_FALSE(IsLoopbackHost("example.org"));

  ServiceOptions open;
  open.host = "0.0.0.0";
  EXPECT_NE(ServiceOptionsProblem(open).find("--token-file"), std::string::npos);
  Service refused(Lexicon::Default(), open);
  std::string error;
  EXPECT_FALSE(refused.Bind(&error));
  EXPECT_NE(error.find("--token-file"), std::string::npos);
  open.token = "s3cret-token-for-tests";
  EXPECT_EQ(ServiceOptionsProblem(open), "");
}

// --- the command -----------------------------------------------------------

struct ServeProcess {
  pid_t pid = -1;
  std::string log_path;
  int port = -1;
  int exit_status = -1;  // set when it exited before listening
};

int ExitStatus(int wait_status) {
  return WIFEXITED(wait_status) ? WEXITSTATUS(wait_status) : 128 + WTERMSIG(wait_status);
}

// Starts `plainlang serve <args>` with stderr in a file and waits for its
// "listening on" line.
ServeProcess StartServe(const std::vector<std::string>& args) {
  ServeProcess serve;
  serve.log_path = ::testing::TempDir() + "/plainlang_serve_" +
                   ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".log";
  std::vector<std::string> argv_strings = {PLAINLANG_CLI, "serve"};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& arg : argv_strings) argv.push_back(arg.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 2, serve.log_path.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  EXPECT_EQ(posix_spawn(&serve.pid, PLAINLANG_CLI, &actions, nullptr, argv.data(), environ), 0);
  posix_spawn_file_actions_destroy(&actions);
  for (int tries = 0; tries < 200 && serve.port < 0; ++tries) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    int wait_status = 0;
    if (waitpid(serve.pid, &wait_status, WNOHANG) == serve.pid) {
      serve.exit_status = ExitStatus(wait_status);
      break;
    }
    std::ifstream log(serve.log_path);
    std::string line;
    while (std::getline(log, line)) {
      const std::string prefix = "listening on http://127.0.0.1:";
      if (size_t at = line.find(prefix); at != std::string::npos) {
        serve.port = std::stoi(line.substr(at + prefix.size()));
      }
    }
  }
  return serve;
}

int WaitForExit(const ServeProcess& serve) {
  if (serve.exit_status >= 0) return serve.exit_status;
  int wait_status = 0;
  waitpid(serve.pid, &wait_status, 0);
  return ExitStatus(wait_status);
}

std::string ReadFile(const std::string& path) {
  std::ifstream file(path);
  std::stringstream contents;
  contents << file.rdbuf();
  return contents.str();
}

// CPU time `pid` has used so far, in clock ticks (utime + stime of
// /proc/<pid>/stat), or -1.
long CpuTicks(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  if (!std::getline(stat, line)) return -1;
  // Fields after the command's closing parenthesis: state is the 3rd field,
  // utime the 14th and stime the 15th.
  std::istringstream fields(line.substr(line.rfind(')') + 2));
  std::string field;
  long utime = -1, stime = -1;
  for (int k = 3; k <= 15 && fields >> field; ++k) {
    if (k == 14) utime = std::stol(field);
    if (k == 15) stime = std::stol(field);
  }
  return utime < 0 || stime < 0 ? -1 : utime + stime;
}

TEST(ServeCommandTest, SigtermAnswersTheRequestInFlightThenExitsZero) {
  ServeProcess serve = StartServe({"--port", "0", "--threads", "2", "--max-body", "4000000"});
  ASSERT_GT(serve.port, 0) << ReadFile(serve.log_path);
  // A batch long enough to be in flight when the signal comes.
  std::vector<std::string> texts;
  std::string long_message;
  while (long_message.size() < 6000) long_message += kMessage + " ";
  for (int i = 0; i < 400; ++i) texts.push_back(long_message + std::to_string(i));
  const long idle = CpuTicks(serve.pid);
  ASSERT_GE(idle, 0);
  auto answer = std::async(std::launch::async, [&] {
    httplib::Client client("127.0.0.1", serve.port);
    client.set_read_timeout(60, 0);
    auto result = PostJson(client, "/v1/analyze/batch", {{"texts", texts}});
    return result ? std::make_pair(result->status, result->body)
                  : std::make_pair(-1, std::string());
  });
  // The signal comes once the service has spent some CPU time on the batch
  // (it needs a second or more for all of it), not after a fixed sleep: on
  // a loaded machine the request may not even have been read by then.
  for (int tries = 0; tries < 2000 && CpuTicks(serve.pid) < idle + 5; ++tries) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  kill(serve.pid, SIGTERM);
  auto [status, body] = answer.get();
  EXPECT_EQ(WaitForExit(serve), 0);
  EXPECT_EQ(status, 200);
  EXPECT_EQ(json::parse(body)["reports"].size(), 400u);
  const std::string log = ReadFile(serve.log_path);
  const size_t stopping = log.find("SIGTERM, answering requests in flight");
  const size_t answered = log.find("POST /v1/analyze/batch 200");
  ASSERT_NE(stopping, std::string::npos) << log;
  ASSERT_NE(answered, std::string::npos) << log;
  EXPECT_LT(stopping, answered) << "the batch finished before the signal; nothing was drained";
  EXPECT_NE(log.find("plainlang serve: stopped"), std::string::npos);
}

TEST(ServeCommandTest, SigintStopsAnIdleServiceWithStatusZero) {
  ServeProcess serve = StartServe({"--port", "0"});
  ASSERT_GT(serve.port, 0) << ReadFile(serve.log_path);
  httplib::Client client("127.0.0.1", serve.port);
  auto result = client.Get("/healthz");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200);
  kill(serve.pid, SIGINT);
  EXPECT_EQ(WaitForExit(serve), 0);
}

// A client that trickles its request forever does not keep SIGTERM from
// stopping the service: it exits within the drain time.
TEST(ServeCommandTest, SigtermStopsWithinTheDrainTimeDespiteATrickle) {
  ServeProcess serve = StartServe({"--port", "0"});
  ASSERT_GT(serve.port, 0) << ReadFile(serve.log_path);
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(serve.port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  std::atomic<bool> done{false};
  std::thread trickle([&] {
    send(fd, "POST /v1/analyze HTTP/1.1\r\n", 27, MSG_NOSIGNAL);
    while (!done) {
      send(fd, "X", 1, MSG_NOSIGNAL);  // a header byte now and then, forever
      std::this_thread::sleep_for(std::chrono::milliseconds(500));
    }
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  const auto signalled = std::chrono::steady_clock::now();
  kill(serve.pid, SIGTERM);
  EXPECT_EQ(WaitForExit(serve), 0);
  EXPECT_LT(std::chrono::steady_clock::now() - signalled, std::chrono::seconds(11));
  done = true;
  trickle.join();
  // Its head deadline (10 s from its accept) ended before the drain time:
  // the service answered it 408 and stopped by itself, unless the machine
  // was too slow for the 0.2 s between them.
  char answer[64] = {};
  recv(fd, answer, sizeof answer - 1, MSG_DONTWAIT);
  const bool timed_out = std::string_view(answer).starts_with("HTTP/1.1 408 ");
  EXPECT_TRUE(timed_out ||
              ReadFile(serve.log_path).find("with connections still open") != std::string::npos)
      << answer;
  close(fd);
}

TEST(ServeCommandTest, RefusesAnOpenAddressWithoutATokenFile) {
  ServeProcess serve = StartServe({"--host", "0.0.0.0", "--port", "0"});
  EXPECT_EQ(WaitForExit(serve), 2);
  EXPECT_NE(ReadFile(serve.log_path).find("give --token-file"), std::string::npos);
}

TEST(ServeCommandTest, TokenFileTurnsOnBearerAuth) {
  const std::string short_token = ::testing::TempDir() + "/plainlang_short_token";
  std::ofstream(short_token) << "too-short\n";
  ServeProcess refused = StartServe({"--port", "0", "--token-file", short_token});
  EXPECT_EQ(WaitForExit(refused), 2);
  EXPECT_NE(ReadFile(refused.log_path).find("at least 16 characters"), std::string::npos);

  const std::string token_file = ::testing::TempDir() + "/plainlang_token";
  std::ofstream(token_file) << "0123456789abcdef-token \n";
  ServeProcess serve = StartServe({"--port", "0", "--token-file", token_file});
  ASSERT_GT(serve.port, 0) << ReadFile(serve.log_path);
  EXPECT_NE(ReadFile(serve.log_path).find("bearer token required"), std::string::npos);
  httplib::Client client("127.0.0.1", serve.port);
  auto anonymous = client.Get("/healthz");
  ASSERT_TRUE(anonymous);
  EXPECT_EQ(anonymous->status, 401);
  client.set_bearer_token_auth("0123456789abcdef-token");  // the line's trailing space dropped
  auto allowed = client.Get("/healthz");
  ASSERT_TRUE(allowed);
  EXPECT_EQ(allowed->status, 200);
  kill(serve.pid, SIGTERM);
  EXPECT_EQ(WaitForExit(serve), 0);
}

}  // namespace
}  // namespace plainlang

namespace plainlang {
namespace {

// A connected socket to the service on `port`, or -1.
int ConnectToLoopback(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

// A raw client: sends `request` (then shuts its sending half when
// `half_close`), and reads until the service closes or `wait` passes.
std::string RawExchange(int port, const std::string& request, bool half_close = false,
                        std::chrono::milliseconds wait = std::chrono::seconds(20)) {
  const int fd = ConnectToLoopback(port);
  if (fd < 0) return "connect failed";
  ::send(fd, request.data(), request.size(), MSG_NOSIGNAL);
  if (half_close) ::shutdown(fd, SHUT_WR);
  timeval timeout{static_cast<time_t>(wait.count() / 1000),
                  static_cast<suseconds_t>(wait.count() % 1000 * 1000)};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  std::string answer;
  char buffer[4096];
  for (ssize_t n; (n = ::recv(fd, buffer, sizeof buffer, 0)) > 0;) answer.append(buffer, n);
  ::close(fd);
  return answer;
}

TEST(HttpRequestHeadTest, ParsesTheRequestLineAndHeaders) {
  HttpRequest request;
  ASSERT_EQ(ParseRequestHead("\r\nPOST /v1/analyze?x=1 HTTP/1.1\r\nHost: a\r\ncontent-length:  12 "
                             "\r\nX-Empty:\r\n",
                             100, &request),
            0);
  EXPECT_EQ(request.method, "POST");
  EXPECT_EQ(request.target, "/v1/analyze?x=1");
  EXPECT_EQ(request.path, "/v1/analyze");
  EXPECT_EQ(request.Header("Content-Length"), "12");
  EXPECT_EQ(request.HeaderCount("x-empty"), 1u);
  EXPECT_EQ(request.Header("X-Empty"), "");
  HttpRequest lf;  // bare LF line ends are read too
  EXPECT_EQ(ParseRequestHead("GET / HTTP/1.0\nHost: a", 100, &lf), 0);
  EXPECT_EQ(lf.Header("host"), "a");
}

TEST(HttpRequestHeadTest, RefusesWhatCouldBeReadTwoWays) {
  for (const char* head :
       {"GET /\r\n", "GET  / HTTP/1.1", "GET / HTTP/1.1\r\nHost : a", "GET / HTTP/1.1\r\n folded",
        "GET / HTTP/1.1\r\nNo colon", "G(T / HTTP/1.1", "GET x HTTP/1.1", "GET / HTTQ/1.1",
        "GET /\x01 HTTP/1.1", "GET / HTTP/1.1\r\nA: b\x01"}) {
    HttpRequest request;
    EXPECT_EQ(ParseRequestHead(head, 100, &request), 400) << head;
  }
  HttpRequest two;
  EXPECT_EQ(ParseRequestHead("GET / HTTP/2.0", 100, &two), 505);
  std::string many = "GET / HTTP/1.1";
  for (int i = 0; i < 101; ++i) many += "\r\nX-" + std::to_string(i) + ": v";
  HttpRequest crowded;
  EXPECT_EQ(ParseRequestHead(many, 100, &crowded), 431);
}

// The deadlines are for the whole head and the whole body, not for each
// read: a client that sends a byte now and then is answered 408 when its
// time is up, and so is one whose body stops short.
TEST(ServiceTest, SlowHeadsAndBodiesMeetTheirDeadlines) {
  ServiceOptions options;
  options.head_deadline = std::chrono::milliseconds(800);
  options.body_deadline = std::chrono::milliseconds(800);
  RunningService service(options);
  const int fd = ConnectToLoopback(service.port());
  ASSERT_GE(fd, 0);
  const auto started = std::chrono::steady_clock::now();
  std::string answer;
  for (char c : std::string("GET /healthz HTTP/1.1\r\nHost: x\r\n")) {
    if (::send(fd, &c, 1, MSG_NOSIGNAL) != 1) break;
    char buffer[512];
    const ssize_t n = ::recv(fd, buffer, sizeof buffer, MSG_DONTWAIT);
    if (n > 0) {
      answer.append(buffer, n);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  char buffer[512];
  for (ssize_t n; (n = ::recv(fd, buffer, sizeof buffer, 0)) > 0;) answer.append(buffer, n);
  ::close(fd);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  EXPECT_TRUE(answer.starts_with("HTTP/1.1 408 ")) << answer;
  EXPECT_LT(seconds, 2.5);
  const std::string short_body = RawExchange(
      service.port(),
      "POST /v1/analyze HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n"
      "{\"text\":");
  EXPECT_TRUE(short_body.starts_with("HTTP/1.1 408 ")) << short_body;
  EXPECT_NE(short_body.find(R"("code":"http_408")"), std::string::npos);
}

// A client that shuts its sending half after the request still reads, and
// gets its answer.
TEST(ServiceTest, AHalfClosedClientGetsItsAnswer) {
  RunningService service;
  const std::string body = R"({"text":"Take it PO BID."})";
  const std::string answer =
      RawExchange(service.port(),
                  "POST /v1/analyze HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                  "Content-Length: " +
                      std::to_string(body.size()) + "\r\n\r\n" + body,
                  /*half_close=*/true);
  ASSERT_TRUE(answer.starts_with("HTTP/1.1 200 OK\r\n")) << answer;
  EXPECT_NE(answer.find("\"BID\""), std::string::npos);
  EXPECT_TRUE(RawExchange(service.port(), "GET /healthz HTTP/1.1\r\n\r\n", true)
                  .ends_with(R"({"status":"ok"})"));
}

// "localhost" listens where clients look first: 127.0.0.1.
TEST(ServiceTest, LocalhostListensOnIpv4Loopback) {
  ServiceOptions options;
  options.host = "localhost";
  options.port = 0;
  options.access_log = [](std::string_view) {};
  Service service(Lexicon::Default(), options);
  std::string error;
  ASSERT_TRUE(service.Bind(&error)) << error;
  std::thread serving([&] { service.Run(); });
  EXPECT_TRUE(
      RawExchange(service.port(), "GET /healthz HTTP/1.1\r\n\r\n").ends_with(R"({"status":"ok"})"));
  service.Stop();
  serving.join();
}

// Past the cap on connections served at once, clients wait in the backlog
// and are served as room is made.
TEST(ServiceTest, ConnectionsPastTheCapWaitTheirTurn) {
  ServiceOptions options;
  options.max_connections = 2;
  options.head_deadline = std::chrono::milliseconds(1500);
  RunningService service(options);
  std::vector<int> idle;
  for (int i = 0; i < 2; ++i) {  // two silent clients take the room
    const int fd = ConnectToLoopback(service.port());
    ASSERT_GE(fd, 0);
    ::send(fd, "G", 1, MSG_NOSIGNAL);
    idle.push_back(fd);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  const auto started = std::chrono::steady_clock::now();
  const std::string answer = RawExchange(service.port(), "GET /healthz HTTP/1.1\r\n\r\n");
  const double waited =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  EXPECT_TRUE(answer.ends_with(R"({"status":"ok"})")) << answer;
  EXPECT_GT(waited, 0.8);  // served once a silent client's head deadline ended
  for (int fd : idle) ::close(fd);
}

}  // namespace
}  // namespace plainlang
