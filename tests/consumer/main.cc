// Analyses a fictional message and prints the version and the findings;
// tests/consumer/expected_output.txt is what it must print.
#include <iostream>

#include "plainlang/analyzer.h"
#include "plainlang/version.h"

int main() {
  plainlang::Analyzer analyzer;
  const plainlang::Report report =
      analyzer.Analyze("Dear Mr. Okafor, your BP is elevated. Take the new tablet PO BID.");
  std::cout << "plainlang " << plainlang::kVersion << "\n";
  for (const plainlang::Finding& finding : report.findings) {
    std::cout << plainlang::FindingKindName(finding.kind) << " " << finding.text << " -> "
              << finding.suggestion << "\n";
  }
  return report.error.empty() ? 0 : 1;
}
