// The grade model (grade_model.h) applied a sentence at a time, for an
// analysis that hands its sentences out as it goes (Analyzer::Analyze with a
// sink). A sentence's grade is its passage's, and a passage is complete only
// when the next whole sentence comes, so each sentence waits here until then.
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

class PassageGrader {
 public:
  explicit PassageGrader(const GradeModel& model) : model_(model) {}

  // Adds the next sentence, which holds `abbreviations` abbreviation and
  // `complex_findings` complex-word findings. The sentences of a passage it
  // completes are appended to *graded, in order, with their grades.
  void Add(const Sentence& sentence, int64_t abbreviations, int64_t complex_findings,
           std::vector<Sentence>* graded);
  // After the last sentence: the sentences still waiting.
  void Finish(std::vector<Sentence>* graded);
  // After Finish: the message's grade, as GradeModel::Grade gives it.
  double MessageGrade() const { return words_ > 0 ? sum_ / words_ : model_.lowest; }

 private:
  void Close(std::vector<Sentence>* graded);

  const GradeModel& model_;
  std::vector<Sentence> waiting_;  // the open passage's
  Passage passage_;                // of waiting_
  bool whole_ = false;             // waiting_ holds a sentence that is no fragment
  double sum_ = 0, words_ = 0;     // passages' grades weighted by their words
};

}  // namespace plainlang

#endif  // PLAINLANG_ANALYSIS_PASSAGE_GRADER_H_
