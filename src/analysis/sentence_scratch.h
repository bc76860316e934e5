// The working vectors of the sentence being analysed.
#ifndef PLAINLANG_ANALYSIS_SENTENCE_SCRATCH_H_
#define PLAINLANG_ANALYSIS_SENTENCE_SCRATCH_H_

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "analysis/notation.h"
#include "lexicon/matcher.h"
#include "text/segmenter.h"

namespace plainlang {

// Each thread keeps one set from message to message: grown afresh for every
// message they cost a dozen allocations a message, and fresh pages to fault
// in.
struct SentenceScratch {
  std::vector<Token> tokens;
  std::string folded;  // what the tokens' folded forms view
  TokenLookups lookups;
  std::vector<LexiconMatch> matches;
  std::vector<Span> windows;            // where notation may be (NotationWindows)
  std::vector<NotationMatch> notation;  // what stands there (FindNotation)

  // After a message: a huge sentence's buffers are not kept for the next
  // (a line of a million characters may hold few tokens).
  void Trim() {
    constexpr size_t kKeptTokens = size_t{1} << 14, kKeptBytes = size_t{1} << 20;
    if (tokens.capacity() > kKeptTokens || folded.capacity() > kKeptBytes) {
      *this = SentenceScratch();
    }
  }
};

inline SentenceScratch& ThreadScratch() {
  // On the heap, like the syllable cache: see CachedEstimateSyllables.
  thread_local std::unique_ptr<SentenceScratch> scratch;
  if (!scratch) scratch = std::make_unique<SentenceScratch>();
  return *scratch;
}

}  // namespace plainlang

#endif  // PLAINLANG_ANALYSIS_SENTENCE_SCRATCH_H_
