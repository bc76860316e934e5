#include "service/analyze_request.h"

#include <cstdint>
#include <optional>

#include <nlohmann/json.hpp>

namespace plainlang {
namespace {

using nlohmann::json;

ApiError InvalidRequest(std::string message) {
  return ApiError{400, "invalid_request", std::move(message)};
}

// A number option within [low, high], or why not.
std::optional<ApiError> ReadNumber(const json& body, const char* field, OptionRange<double> range,
                                   double* out) {
  const double low = range.low, high = range.high;
  auto it = body.find(field);
  if (it == body.end()) return std::nullopt;
  if (!it->is_number()) {
    return InvalidRequest(std::string("field \"") + field + "\" must be a number");
  }
  double value = it->get<double>();
  if (!(value >= low && value <= high)) {
    return InvalidRequest(std::string("field \"") + field + "\" must be from " + json(low).dump() +
                          " to " + json(high).dump());
  }
  *out = value;
  return std::nullopt;
}

std::optional<ApiError> ReadInteger(const json& body, const char* field, OptionRange<int> range,
                                    int* out) {
  const int low = range.low, high = range.high;
  auto it = body.find(field);
  if (it == body.end()) return std::nullopt;
  if (!it->is_number_integer()) {
    return InvalidRequest(std::string("field \"") + field + "\" must be an integer");
  }
  // Compare in the parsed type: a huge value must not wrap into range.
  bool in_range = it->is_number_unsigned()
                      ? it->get<uint64_t>() >= static_cast<uint64_t>(low) &&
                            it->get<uint64_t>() <= static_cast<uint64_t>(high)
                      : it->get<int64_t>() >= low && it->get<int64_t>() <= high;
  if (!in_range) {
    return InvalidRequest(std::string("field \"") + field + "\" must be from " +
                          std::to_string(low) + " to " + std::to_string(high));
  }
  *out = static_cast<int>(it->get<int64_t>());
  return std::nullopt;
}

}  // namespace

std::string ApiErrorJson(const ApiError& error) {
  json body = {{"error", {{"code", error.code}, {"message", error.message}}}};
  return body.dump();
}

std::variant<AnalyzeRequest, ApiError> ParseAnalyzeRequest(std::string_view body,
                                                           AnalyzeShape shape,
                                                           const AnalyzerOptions& defaults) {
  json parsed;
  try {
    parsed = json::parse(body);
  } catch (const json::parse_error& error) {
    // nlohmann's own message quotes the text near the error; report only
    // where it is, so no part of a message is echoed.
    return ApiError{
        400, "invalid_json",
        "request body is not valid JSON (UTF-8): error at byte " + std::to_string(error.byte)};
  } catch (const json::exception&) {
    // A number too large for a double ("1e999") throws out_of_range, not
    // parse_error (found by tests/fuzz/request_fuzzer.cc).
    return ApiError{400, "invalid_json",
                    "request body is not valid JSON: a number is out of range"};
  }
  if (!parsed.is_object()) return InvalidRequest("request body must be a JSON object");

  const char* text_field = shape == AnalyzeShape::kOne ? "text" : "texts";
  for (const auto& [key, value] : parsed.items()) {
    if (key != text_field && key != "target_grade" && key != "max_jargon" &&
        key != "long_sentence_words") {
      return InvalidRequest(std::string("unknown field; allowed: \"") + text_field +
                            "\", \"target_grade\", \"max_jargon\", \"long_sentence_words\"");
    }
  }

  AnalyzeRequest request;
  request.options = defaults;
  auto text = parsed.find(text_field);
  if (shape == AnalyzeShape::kOne) {
    if (text == parsed.end() || !text->is_string()) {
      return InvalidRequest("field \"text\" is missing or not a string");
    }
    request.texts.push_back(std::move(text->get_ref<std::string&>()));
  } else {
    if (text == parsed.end() || !text->is_array()) {
      return InvalidRequest("field \"texts\" is missing or not an array of strings");
    }
    if (text->size() > kMaxBatchTexts) {
      return InvalidRequest("field \"texts\" holds more than " + std::to_string(kMaxBatchTexts) +
                            " texts; split the batch");
    }
    request.texts.reserve(text->size());
    for (size_t i = 0; i < text->size(); ++i) {
      json& item = (*text)[i];
      if (!item.is_string()) {
        return InvalidRequest("texts[" + std::to_string(i) + "] is not a string");
      }
      request.texts.push_back(std::move(item.get_ref<std::string&>()));
    }
  }

  AnalyzerOptions& options = request.options;
  if (auto error = ReadNumber(parsed, "target_grade", kTargetGradeRange, &options.target_grade)) {
    return *error;
  }
  if (auto error = ReadNumber(parsed, "max_jargon", kMaxJargonRange, &options.max_jargon)) {
    return *error;
  }
  if (auto error = ReadInteger(parsed, "long_sentence_words", kLongSentenceRange,
                               &options.long_sentence_words)) {
    return *error;
  }
  return request;
}

}  // namespace plainlang
