// Passages, the units the grade model (grade_model.h) grades, built a
// sentence at a time. A sentence's grade is its passage's, known only when
// the next whole sentence comes, which may be millions of fragments later;
// so an analysis that hands its sentences out as it goes (Analyzer::Analyze
// with a sink) keeps none: a first pass records each passage's grade
// (PassageGrader), and a second gives the sentences theirs (PassageGrades).
#ifndef PLAINLANG_ANALYSIS_PASSAGE_GRADER_H_
#define PLAINLANG_ANALYSIS_PASSAGE_GRADER_H_

#include <cstdint>
#include <vector>

#include "plainlang/grade_model.h"
#include "plainlang/report.h"

namespace plainlang {

// What a passage holds: a sentence with the fragments beside it.
struct Passage {
  Counts counts;               // counts.sentences is 1: a passage reads as one sentence
  double weighted_jargon = 0;  // jargon words, each weighted by 1 - familiarity
  int64_t abbreviations = 0, complex_findings = 0;
  uint32_t sentences = 0;       // sentences in it
  bool fragments_only = false;  // none of them a whole sentence
};

// Sentences grouped into passages as they come, the one rule the grade
// model has for them, whether it reads a whole report or a message handed
// out sentence by sentence: a passage ends only when a whole sentence
// follows one, so a run of fragments joins the sentence after it (or, at
// the message's end, the one before it).
class PassageBuilder {
 public:
  // A finding, counted with the next sentence added (a finding on a line
  // of punctuation goes with the sentence after it).
  void AddFinding(FindingKind kind) {
    waiting_abbreviations_ += kind == FindingKind::kAbbreviation;
    waiting_complex_ += kind == FindingKind::kComplexWord;
  }
  // Adds the next sentence; true, with the passage it ended in *ended,
  // when it began a new one.
  bool Add(const Sentence& sentence, Passage* ended);
  // After the last sentence: the passage still open, if any.
  bool Finish(Passage* ended);

 private:
  void Close(Passage* ended);

  Passage open_;
  bool whole_ = false;  // open_ holds a sentence that is no fragment
  int64_t waiting_abbreviations_ = 0, waiting_complex_ = 0;
};

// What a sentence's grade needs to know of its passage.
struct GradedPassage {
  uint32_t sentences = 0;
  bool fragments_only = false;
  double grade = 0;
};

// The grade model applied passage by passage as sentences come. With
// `record`, each passage's grade is appended to it as it closes.
class PassageGrader {
 public:
  PassageGrader(const GradeModel& model, std::vector<GradedPassage>* record)
      : model_(model), record_(record) {}

  void AddFinding(FindingKind kind) { passages_.AddFinding(kind); }
  void Add(const Sentence& sentence);
  // After the last sentence.
  void Finish();
  // After Finish: the message's grade, as GradeModel::Grade gives it.
  double MessageGrade() const { return words_ > 0 ? sum_ / words_ : model_.lowest; }

 private:
  void Grade(const Passage& passage);

  const GradeModel& model_;
  std::vector<GradedPassage>* const record_;
  PassageBuilder passages_;
  double sum_ = 0, words_ = 0;  // passages' grades weighted by their words
};

// Gives each sentence, in order, its grade from the passages a
// PassageGrader recorded for the same message; none without them.
class PassageGrades {
 public:
  explicit PassageGrades(const std::vector<GradedPassage>* passages) : passages_(passages) {}
  void Give(Sentence& sentence);

 private:
  const std::vector<GradedPassage>* const passages_;  // may be null
  size_t passage_ = 0;
  uint32_t given_ = 0;  // sentences of (*passages_)[passage_] graded so far
};

}  // namespace plainlang

#endif  // PLAINLANG_ANALYSIS_PASSAGE_GRADER_H_
