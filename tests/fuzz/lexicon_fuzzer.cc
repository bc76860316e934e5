// libFuzzer target: loading an institution's overlay table from any bytes.
// A bad table must throw LexiconError naming a line, never crash; a table
// that loads must give an Analyzer that analyses a message.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "plainlang/analyzer.h"
#include "plainlang/lexicon.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  constexpr plainlang::TableKind kKinds[] = {
      plainlang::TableKind::kTerms,     plainlang::TableKind::kAbbreviations,
      plainlang::TableKind::kMedicines, plainlang::TableKind::kWords,
      plainlang::TableKind::kAffixes,   plainlang::TableKind::kAllow};
  const plainlang::TableKind kind = kKinds[data[0] % 6];
  std::string_view contents(reinterpret_cast<const char*>(data) + 1, size - 1);
  auto lexicon = std::make_shared<plainlang::Lexicon>();
  try {
    lexicon->Load(kind, contents, "fuzz.tsv");
  } catch (const plainlang::LexiconError& error) {
    if (error.file() != "fuzz.tsv" || std::string(error.what()).empty()) {
      std::fprintf(stderr, "LexiconError without its file: %s\n", error.what());
      std::abort();
    }
    return 0;
  }
  plainlang::Analyzer analyzer(lexicon, {});
  // No word here is glued to another by punctuation, so no table can make
  // two words one: the count is nine whatever was loaded.
  const plainlang::Report report = analyzer.Analyze("Rest at home and drink water today. BP edema");
  if (report.counts.words != 9) {
    std::fprintf(stderr, "a loaded overlay changed the word count: %lld\n",
                 static_cast<long long>(report.counts.words));
    std::abort();
  }
  return 0;
}
