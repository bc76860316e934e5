#include "plainlang/analyzer.h"

#include <algorithm>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "analysis/classifier.h"
#include "analysis/counter.h"
#include "analysis/passage_grader.h"
#include "analysis/scorer.h"
#include "analysis/sentence_scratch.h"
#include "communication/checklist.h"
#include "text/utf8_text.h"

// One message through the pipeline: the segmenter makes sentences and
// tokens, the matcher and the notation patterns find what they know, the
// classifier makes the findings, the counter counts what the formulas need,
// and the scorer makes the scores and the verdict.
namespace plainlang {
namespace {

// Moves `span`'s offsets from text() to the caller's input.
template <typename Span>
void MapSpan(InputOffsets& offsets, Span& span) {
  const InputOffsets::Position start = offsets(span.start), end = offsets(span.end);
  span.start = start.byte;
  span.end = end.byte;
  span.start_utf16 = start.utf16;
  span.end_utf16 = end.utf16;
}

class MessageAnalysis {
 public:
  // With a `sink`, each sentence's findings and the sentence itself go to
  // it as the sentence ends, and the report keeps neither. A sink that
  // takes sentences needs `passages`, the passages' grades a first analysis
  // of the same text recorded into *record.
  MessageAnalysis(std::shared_ptr<const Lexicon> lexicon, const AnalyzerOptions& options,
                  const Utf8Text& text, const ReportSink* sink,
                  std::vector<GradedPassage>* record = nullptr,
                  const std::vector<GradedPassage>* passages = nullptr)
      : index_(lexicon->index()),
        options_(options),
        text_(text),
        text_view_(text.text()),
        sink_(sink),
        grader_(options.grade_model ? *options.grade_model : GradeModel::Default(), record),
        grades_(passages),
        classifier_(std::move(lexicon), options, text_view_, &report_.findings),
        sentence_offsets_(text),
        finding_offsets_(text) {}

  // Also when the analysis ran out of memory: its buffers go first.
  ~MessageAnalysis() { scratch_.Trim(); }
  Report Run();

 private:
  void AnalyzeSentence(SentenceSpan span);
  // The caller's offsets for the sentences and findings from these on.
  void MapOffsets(size_t first_sentence, size_t first_finding);
  void MapEvidenceOffsets();
  // Hands what the last sentence added to the sink, and forgets it.
  void Deliver(bool last);
  void WalkTokens(Counts& counts);
  void TakeMatch(const LexiconMatch& match, bool sentence_start, Counts& counts,
                 bool pattern_found = false);
  void TakeWord(size_t i, bool sentence_start, Counts& counts);
  // Counts the words of tokens_[first, end), the first at `sentence_start`.
  void CountTokens(size_t first, size_t end, bool sentence_start, Counts& counts) {
    for (size_t k = first; k < end; ++k) {
      if (!tokens_[k].is_word()) continue;
      CountWord(index_, tokens_[k], SyllablesOf(k), sentence_start && k == first, counts);
    }
  }
  // The entry of tokens_[i], or of its base word for a possessive.
  const WordEntry* WordOf(size_t i) const {
    return FindWordOrBase(index_, tokens_[i], scratch_.lookups.entries[i]);
  }
  int SyllablesOf(size_t i) const { return WordSyllables(tokens_[i], WordOf(i)); }

  const Lexicon::Index& index_;
  const AnalyzerOptions& options_;
  const Utf8Text& text_;
  const std::string_view text_view_;  // text_.text(), which is asked for every word
  const ReportSink* const sink_;      // may be null: the report keeps everything
  PassageGrader grader_;              // with a sink: the message's grade, passage by passage
  PassageGrades grades_;              // with a sentence sink: each sentence's grade
  BreakRules word_rules_ = BreakRules::kFast;  // for Tokenize, as SplitSentences found
  Report report_;                              // before classifier_, which appends to its findings
  Classifier classifier_;
  // Sentences ascend and do not overlap, nor do the findings inside them,
  // so one forward cursor serves each.
  InputOffsets sentence_offsets_, finding_offsets_;
  std::vector<SentenceWords> checked_;  // every sentence, in text() offsets, for the checklist
  SentenceScratch& scratch_ = ThreadScratch();  // of the sentence being analysed
  std::vector<Token>& tokens_ = scratch_.tokens;
};

void MessageAnalysis::AnalyzeSentence(SentenceSpan span) {
  const size_t first_finding = report_.findings.size();
  Tokenize(text_view_, span, &tokens_, &scratch_.folded, word_rules_);
  LookUpTokens(index_, tokens_, &scratch_.lookups);
  const bool shouting = IsShouted(tokens_);
  classifier_.StartSentence(tokens_, scratch_.lookups, shouting);
  FindSentenceNotation(text_view_, span.start, span.end, tokens_, scratch_.lookups, index_,
                       &scratch_.windows, &scratch_.notation);
  MatchLexicon(index_, text_view_, tokens_, scratch_.lookups, shouting, &scratch_.matches);
  Counts counts;
  WalkTokens(counts);
  classifier_.FinishSentence();
  if (counts.words == 0) return;  // a line of punctuation is not a sentence
  counts.sentences = 1;
  report_.counts += counts;
  checked_.push_back({span.start, span.end, counts.words});
  report_.sentences.push_back(ScoreSentence(span.start, span.end, counts,
                                            classifier_.sentence_jargon_words(),
                                            classifier_.sentence_weighted_jargon()));
  if (counts.words > options_.long_sentence_words) {
    // Before the sentence's other findings, keeping findings in start order.
    classifier_.AddLongSentenceFinding(first_finding, span.start, span.end, counts.words);
  }
}

// One pass over the sentence's tokens: notation, lexicon matches and the
// other words each get their findings and their counts.
void MessageAnalysis::WalkTokens(Counts& counts) {
  const std::vector<NotationMatch>& notation = scratch_.notation;
  const std::vector<LexiconMatch>& matches = scratch_.matches;
  size_t next_notation = 0, next_match = 0;
  bool sentence_start = true;
  for (size_t i = 0; i < tokens_.size();) {
    while (next_notation < notation.size() && notation[next_notation].start < tokens_[i].start) {
      ++next_notation;  // began inside a lexicon match
    }
    if (next_notation < notation.size() && notation[next_notation].start == tokens_[i].start) {
      const NotationMatch found = notation[next_notation++];
      size_t end = i;
      while (end < tokens_.size() && tokens_[end].start < found.end) ++end;
      // A lexicon entry as long or longer wins: it has plain wording. The
      // pattern vouches for it: capitalised after a word ("a Level II
      // ultrasound", "the Wells score"), it is no department's name.
      const bool lexicon_wins = next_match < matches.size() && matches[next_match].first == i &&
                                matches[next_match].end >= end;
      if (lexicon_wins) {
        const LexiconMatch& match = matches[next_match++];
        TakeMatch(match, sentence_start, counts, /*pattern_found=*/true);
        sentence_start = false;
        i = match.end;
        continue;
      }
      while (next_match < matches.size() && matches[next_match].first < end) ++next_match;
      classifier_.AddNotationFinding(i, end, found.kind);
      CountTokens(i, end, sentence_start, counts);
      sentence_start = false;
      i = end;
      continue;
    }
    if (next_match < matches.size() && matches[next_match].first == i) {
      const LexiconMatch& match = matches[next_match++];
      TakeMatch(match, sentence_start, counts);
      sentence_start = false;
      i = match.end;
      continue;
    }
    if (const size_t end = classifier_.EponymPairEnd(i); end > 0) {
      classifier_.AddNotationFinding(i, end, NotationKind::kNamed);
      CountTokens(i, end, sentence_start, counts);
      sentence_start = false;
      i = end;
      continue;
    }
    if (tokens_[i].is_word()) {
      TakeWord(i, sentence_start, counts);
      sentence_start = false;
    }
    ++i;
  }
}

void MessageAnalysis::TakeMatch(const LexiconMatch& match, bool sentence_start, Counts& counts,
                                bool pattern_found) {
  // "Mg 1.9": the table's "mg" is a unit (a term, an abbreviation).
  if (match.end - match.first == 1 && tokens_[match.first].letters == 2 &&
      classifier_.AddLabSymbolFinding(match.first)) {
    CountTokens(match.first, match.end, sentence_start, counts);
    return;
  }
  if (match.type == LexiconMatch::Type::kTerm) {
    classifier_.AddTermFinding(match, sentence_start, pattern_found);
    CountTokens(match.first, match.end, sentence_start, counts);
    return;
  }
  classifier_.AddAbbreviationFinding(match);
  // "f/u" is one word to a reader, though ICU sees "f", "/", "u"; "alk
  // phos" is two.
  for (size_t k = match.first; k < match.end;) {
    const size_t run_end = GluedRunEnd(tokens_, k, match.end);
    Token word = tokens_[k];
    int syllables = 0;
    word.letters = word.digits = 0;
    for (size_t j = k; j < run_end; ++j) {
      if (!tokens_[j].is_word()) continue;
      word.letters += tokens_[j].letters;
      word.digits += tokens_[j].digits;
      syllables += SyllablesOf(j);
    }
    CountWord(index_, word, syllables, sentence_start && k == match.first, counts);
    k = run_end;
  }
}

void MessageAnalysis::TakeWord(size_t i, bool sentence_start, Counts& counts) {
  // The entry and syllables once per word: counting and classifying both
  // need them.
  const WordEntry* word = WordOf(i);
  const int syllables = WordSyllables(tokens_[i], word);
  CountWord(index_, tokens_[i], syllables, sentence_start, counts);
  if (tokens_[i].letters == 2 && classifier_.AddLabSymbolFinding(i)) return;
  if (tokens_[i].letters == 1 && tokens_[i].digits > 0 && classifier_.AddAgeSexFinding(i)) return;
  if (!classifier_.PlainlyFamiliar(tokens_[i], word, syllables)) {
    classifier_.ClassifyWord(i, word, syllables, sentence_start);
  }
}

// Offsets so far index text(); the report promises the caller's bytes and
// UTF-16 units. A long-sentence finding spans exactly its sentence and
// copies the sentence's offsets.
void MessageAnalysis::MapOffsets(size_t first_sentence, size_t first_finding) {
  for (size_t k = first_sentence; k < report_.sentences.size(); ++k) {
    MapSpan(sentence_offsets_, report_.sentences[k]);
  }
  const std::shared_ptr<FindingStorage>& storage = classifier_.storage();
  // The findings' text views the caller's input while a sink reads them,
  // and otherwise a copy of the message the report keeps.
  std::string_view input = text_.input();
  if (sink_ == nullptr && first_finding < report_.findings.size()) {
    if (storage->input.empty()) storage->input.assign(input);
    input = storage->input;
  }
  for (size_t k = first_finding; k < report_.findings.size(); ++k) {
    Finding& f = report_.findings[k];
    if (f.kind == FindingKind::kLongSentence) {
      const Sentence& s = report_.sentences.back();
      std::tie(f.start, f.end, f.start_utf16, f.end_utf16) =
          std::tuple(s.start, s.end, s.start_utf16, s.end_utf16);
    } else {
      MapSpan(finding_offsets_, f);
    }
    f.text = input.substr(f.start, f.end - f.start);
    f.storage = storage;
  }
}

void MessageAnalysis::MapEvidenceOffsets() {
  for (CommunicationItemResult& item : report_.communication.items) {
    InputOffsets offsets(text_);  // each item's spans ascend
    for (CommunicationSpan& span : item.evidence) MapSpan(offsets, span);
  }
}

void MessageAnalysis::Deliver(bool last) {
  for (const Finding& f : report_.findings) {
    grader_.AddFinding(f.kind);
    if (sink_->finding) sink_->finding(f);
  }
  for (Sentence& s : report_.sentences) {
    grader_.Add(s);
    if (sink_->sentence) {
      grades_.Give(s);
      sink_->sentence(s);
    }
  }
  if (last) grader_.Finish();
  report_.findings.clear();
  report_.sentences.clear();
  classifier_.ReleaseFindings();
}

Report MessageAnalysis::Run() {
  if (text_.invalid_sequences() > 0) {
    report_.warnings.push_back("replaced " + std::to_string(text_.invalid_sequences()) +
                               " invalid UTF-8 sequence(s) with U+FFFD");
  }
  const std::vector<SentenceSpan> spans =
      SplitSentences(text_view_, BreakRules::kFast, &word_rules_);
  checked_.reserve(spans.size());
  if (sink_ == nullptr) report_.sentences.reserve(spans.size());
  // Messages carry about a finding every 90 bytes: room for the first few
  // spares growing the vector (and moving its findings) four times, and a
  // large message still starts with no more than 16.
  report_.findings.reserve(std::min<size_t>(text_view_.size() / 64, 16));
  for (size_t k = 0; k < spans.size(); ++k) {
    const size_t first_sentence = report_.sentences.size();
    const size_t first_finding = report_.findings.size();
    AnalyzeSentence(spans[k]);
    MapOffsets(first_sentence, first_finding);
    if (sink_ != nullptr) Deliver(k + 1 == spans.size());
  }
  CheckCommunication(text_view_, checked_, options_.checklist_items, &report_.communication);
  ScoreMessage(options_, classifier_.tally(),
               sink_ != nullptr ? std::optional(grader_.MessageGrade()) : std::nullopt, &report_);
  MapEvidenceOffsets();
  return std::move(report_);
}

}  // namespace

Analyzer::Analyzer(AnalyzerOptions options) : Analyzer(Lexicon::Default(), options) {}

Analyzer::Analyzer(std::shared_ptr<const Lexicon> lexicon, AnalyzerOptions options)
    : lexicon_(lexicon ? std::move(lexicon) : Lexicon::Default()), options_(options) {}

Report Analyzer::Analyze(std::string_view input) const { return Analyze(input, nullptr); }

Report Analyzer::Analyze(std::string_view input, const ReportSink& sink) const {
  return Analyze(input, &sink);
}

Report Analyzer::Analyze(std::string_view input, const ReportSink* sink) const {
  const size_t limit = InputLimit(options_);
  if (input.size() > limit) {
    return ErrorReport(options_, "the message is " + std::to_string(input.size()) +
                                     " bytes, over the limit of " + std::to_string(limit) +
                                     " (max_input_bytes)");
  }
  try {
    Utf8Text text(input);
    if (sink == nullptr || !sink->sentence) {
      return MessageAnalysis(lexicon_, options_, text, sink).Run();
    }
    // A sentence's grade is known only when its passage ends: a first pass
    // records the passages' grades (a few bytes each), the second hands the
    // sentences out with them.
    std::vector<GradedPassage> passages;
    const ReportSink nothing;
    MessageAnalysis(lexicon_, options_, text, &nothing, &passages).Run();
    return MessageAnalysis(lexicon_, options_, text, sink, nullptr, &passages).Run();
  } catch (const std::bad_alloc&) {
    // Analysis never fails: a message too large for memory still gets a
    // report saying so.
    return ErrorReport(options_, "out of memory: the message was not analysed");
  }
}

}  // namespace plainlang
