// The grade model (grade_model.h) applied a sentence at a time, for an
// analysis that hands its sentences out as it goes (Analyzer::Analyze with a
// sink). A sentence's grade is its passage's, known only when the next whole
// sentence comes, which may be millions of fragments later; so the grader
// keeps no sentences: it records each passage's grade, and a second pass
// over the message gives its sentences their grades (PassageGrades).
#ifndef PLAINLANG_ANALYSIS_PASSAGE_GRADER_H_
#define PLAINLANG_ANALYSIS_PASSAGE_GRADER_H_

#include <cstdint>
#include <vector>

#include "plainlang/grade_model.h"
#include "plainlang/report.h"

namespace plainlang {

// What a passage holds: a sentence with the fragments beside it.
struct Passage {
  Counts counts;
  double weighted_jargon = 0;  // jargon words, each weighted by 1 - familiarity
  int64_t abbreviations = 0, complex_findings = 0;
};

// What a sentence's grade needs to know of its passage.
struct GradedPassage {
  uint32_t sentences = 0;       // in the passage
  bool fragments_only = false;  // none of them a whole sentence
  double grade = 0;
};

class PassageGrader {
 public:
  // With `record`, each passage's grade is appended to it as it closes.
  PassageGrader(const GradeModel& model, std::vector<GradedPassage>* record)
      : model_(model), record_(record) {}

  // Adds the next sentence, which holds `abbreviations` abbreviation and
  // `complex_findings` complex-word findings.
  void Add(const Sentence& sentence, int64_t abbreviations, int64_t complex_findings);
  // After the last sentence.
  void Finish();
  // After Finish: the message's grade, as GradeModel::Grade gives it.
  double MessageGrade() const { return words_ > 0 ? sum_ / words_ : model_.lowest; }

 private:
  void Close();

  const GradeModel& model_;
  std::vector<GradedPassage>* const record_;
  Passage passage_;             // the open one
  uint32_t sentences_ = 0;      // in passage_
  bool whole_ = false;          // passage_ holds a sentence that is no fragment
  double sum_ = 0, words_ = 0;  // passages' grades weighted by their words
};

// Gives each sentence, in order, its grade from the passages a
// PassageGrader recorded for the same message.
class PassageGrades {
 public:
  explicit PassageGrades(const std::vector<GradedPassage>& passages) : passages_(passages) {}
  void Give(Sentence& sentence);

 private:
  const std::vector<GradedPassage>& passages_;
  size_t passage_ = 0;
  uint32_t given_ = 0;  // sentences of passages_[passage_] graded so far
};

}  // namespace plainlang

#endif  // PLAINLANG_ANALYSIS_PASSAGE_GRADER_H_
