// The communication stage: a message's checklist (report.h, Communication)
// from its text and sentences, by rules: RE2 patterns for the grammar of
// instructions, passives and numbers, and curated lists for stigmatizing
// words, misleading result words and the phrasings of safety nets,
// contacts, timings and acknowledgement (data/communication/, documented
// in data/README.md). No model runs.
#ifndef PLAINLANG_COMMUNICATION_CHECKLIST_H_
#define PLAINLANG_COMMUNICATION_CHECKLIST_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "plainlang/report.h"

namespace plainlang {

// A sentence as the checklist reads it: offsets into the analysed text and
// its words (a line of punctuation has none).
struct SentenceWords {
  size_t start = 0, end = 0;
  int64_t words = 0;
};

// Fills *communication for `text` (valid UTF-8, as analysed) cut into
// `sentences`. Evidence offsets index `text`; the
// caller maps them to the input as it maps findings. Thread-safe: the
// rules are built once and only read.
// `items` says which items to judge: one turned off never applies.
void CheckCommunication(std::string_view text, std::span<const SentenceWords> sentences,
                        std::span<const bool, kCommunicationItemCount> items,
                        Communication* communication);

}  // namespace plainlang

#endif  // PLAINLANG_COMMUNICATION_CHECKLIST_H_
