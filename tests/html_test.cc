// The HTML review page: highlights, escaping, contents, UTF-8, no network.
#include <gtest/gtest.h>

#include <cmath>

#include <unicode/utf8.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "plainlang/analyzer.h"
#include "plainlang/grade_model.h"
#include "plainlang/output.h"

namespace plainlang {
namespace {

const Analyzer& DefaultAnalyzer() {
  static const Analyzer analyzer;
  return analyzer;
}

std::string Page(std::string_view input, std::string_view source = "draft.txt") {
  Report report = DefaultAnalyzer().Analyze(input);
  HtmlDocument document{source, input, report};
  return ToHtml({&document, 1});
}

std::string ReadExample(const std::string& name) {
  std::ifstream in(std::string(PLAINLANG_SOURCE_DIR) + "/examples/" + name, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Undoes the page's escaping of text.
std::string Unescaped(std::string text) {
  const std::pair<std::string, std::string> entities[] = {
      {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}};
  for (const auto& [entity, character] : entities) {
    for (size_t at; (at = text.find(entity)) != std::string::npos;)
      text.replace(at, entity.size(), character);
  }
  return text;
}

struct Highlight {
  std::string classes;
  std::string text;   // the text inside, tags stripped and unescaped
  std::string inner;  // the markup inside
};

// The <mark> with this id: its classes and the text it wraps (nested marks
// included, as a long sentence holds the words inside it).
Highlight FindHighlight(const std::string& page, const std::string& id) {
  Highlight found;
  size_t open = page.find("id=\"" + id + "\"");
  if (open == std::string::npos) return found;
  size_t tag = page.rfind("<mark ", open);
  size_t classes = page.find("class=\"", tag) + 7;
  found.classes = page.substr(classes, page.find('"', classes) - classes);
  size_t at = page.find('>', open) + 1, begin = at;
  for (int depth = 1; depth > 0 && at < page.size();) {
    size_t next_open = page.find("<mark ", at), next_close = page.find("</mark>", at);
    if (next_open < next_close) {
      ++depth;
      at = next_open + 6;
    } else {
      --depth;
      at = next_close + 7;
    }
  }
  found.inner = page.substr(begin, at - 7 - begin);
  std::string text;
  for (size_t i = 0; i < found.inner.size(); ++i) {
    if (found.inner[i] == '<') {
      i = found.inner.find('>', i);
    } else {
      text += found.inner[i];
    }
  }
  found.text = Unescaped(text);
  return found;
}

size_t Count(const std::string& haystack, const std::string& needle) {
  size_t count = 0;
  for (size_t at = 0; (at = haystack.find(needle, at)) != std::string::npos; at += needle.size())
    ++count;
  return count;
}

bool IsValidUtf8(const std::string& text) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) return false;
  }
  return true;
}

TEST(ToHtmlTest, EachFindingIsOneHighlightWithItsTextAndKind) {
  const std::string input =
      "Your BP is elevated.\nPlease f/u with your PCP in 2 weeks about the edema.";
  Report report = DefaultAnalyzer().Analyze(input);
  HtmlDocument document{"draft.txt", input, report};
  std::string page = ToHtml({&document, 1});
  ASSERT_GE(report.findings.size(), 4u);
  EXPECT_EQ(Count(page, "<mark class=\"hl "), report.findings.size());
  std::vector<std::string> seen;
  for (size_t i = 0; i < report.findings.size(); ++i) {
    const Finding& f = report.findings[i];
    Highlight highlight = FindHighlight(page, "m1-f" + std::to_string(i));
    EXPECT_EQ(highlight.text, input.substr(f.start, f.end - f.start)) << i;
    EXPECT_EQ(highlight.classes, "hl hl-" + std::string(FindingKindName(f.kind))) << i;
    seen.push_back(highlight.text + ":" + std::string(FindingKindName(f.kind)));
  }
  EXPECT_EQ(seen,
            (std::vector<std::string>{"BP:abbreviation", "elevated:complex_word",
                                      "f/u:abbreviation", "PCP:abbreviation", "edema:jargon"}));
  // Each highlight can be reached from the keyboard and names its tooltip,
  // which holds the plain wording and the definition.
  EXPECT_NE(page.find("id=\"m1-f0\" tabindex=\"0\" aria-describedby=\"m1-t0\""), std::string::npos);
  size_t tip = page.find("<div id=\"m1-t4\">");
  ASSERT_NE(tip, std::string::npos);
  std::string edema_tip = page.substr(tip, page.find("</div>", tip) - tip);
  EXPECT_NE(edema_tip.find("<span class=\"say\">swelling</span>"), std::string::npos);
  EXPECT_NE(edema_tip.find("Means: Swelling caused by"), std::string::npos);
  EXPECT_NE(edema_tip.find("Why: medical term listed by"), std::string::npos);
}

TEST(ToHtmlTest, WordsNestInsideTheirLongSentence) {
  AnalyzerOptions options;
  options.long_sentence_words = 5;
  Analyzer analyzer(options);
  const std::string input = "Hi. Your BP was high and the edema got worse over the last week.";
  Report report = analyzer.Analyze(input);
  HtmlDocument document{"", input, report};
  std::string page = ToHtml({&document, 1});
  size_t sentence = report.findings.size();
  for (size_t i = 0; i < report.findings.size(); ++i) {
    if (report.findings[i].kind == FindingKind::kLongSentence) sentence = i;
  }
  ASSERT_LT(sentence, report.findings.size());
  Highlight outer = FindHighlight(page, "m1-f" + std::to_string(sentence));
  EXPECT_EQ(outer.classes, "hl hl-long_sentence");
  EXPECT_EQ(outer.text, "Your BP was high and the edema got worse over the last week.");
  // The word findings are marks inside the sentence's mark.
  EXPECT_EQ(Count(outer.inner, "<mark "), report.findings.size() - 1);
  EXPECT_NE(outer.inner.find(">BP</mark>"), std::string::npos);
  EXPECT_NE(outer.inner.find(">edema</mark>"), std::string::npos);
  EXPECT_EQ(Count(page, "<mark "), Count(page, "</mark>"));
  // With no source the section is numbered.
  EXPECT_NE(page.find(">Message 1</h2>"), std::string::npos);
}

TEST(ToHtmlTest, EscapesMarkupInTheMessageAndTheSourceName) {
  const std::string input = "Take <script>alert(\"BP\")</script> & call us if the BP is 'high'.";
  std::string page = Page(input, "<b>draft</b>.txt");
  EXPECT_EQ(Count(page, "<script"), 1u);  // the page's own script only
  EXPECT_EQ(page.find("alert(\"BP\")"), std::string::npos);
  EXPECT_NE(page.find("Take &lt;script&gt;alert(&quot;"), std::string::npos);
  EXPECT_NE(page.find("&amp; call us"), std::string::npos);
  EXPECT_EQ(page.find("<b>draft"), std::string::npos);
  EXPECT_NE(page.find("&lt;b&gt;draft&lt;/b&gt;.txt"), std::string::npos);
}

TEST(ToHtmlTest, SeveralMessagesGetContentsAndOneSectionEach) {
  const std::string plain = ReadExample("plain_message.txt");
  const std::string portal = ReadExample("portal_message.txt");
  Report plain_report = DefaultAnalyzer().Analyze(plain);
  Report portal_report = DefaultAnalyzer().Analyze(portal);
  std::vector<HtmlDocument> documents = {{"plain_message.txt", plain, plain_report},
                                         {"portal_message.txt", portal, portal_report}};
  std::string page = ToHtml(documents);
  size_t contents = page.find("<nav class=\"toc\"");
  ASSERT_NE(contents, std::string::npos);
  size_t first = page.find("<a href=\"#m1\">plain_message.txt</a>", contents);
  size_t second = page.find("<a href=\"#m2\">portal_message.txt</a>", contents);
  EXPECT_LT(first, second);
  EXPECT_NE(second, std::string::npos);
  EXPECT_LT(page.find("<section class=\"doc\" id=\"m1\""),
            page.find("<section class=\"doc\" id=\"m2\""));
  EXPECT_EQ(Count(page, "<section class=\"doc\""), 2u);
  // Highlight ids are unique across sections.
  EXPECT_EQ(Count(page, "id=\"m2-f0\""), 1u);
  EXPECT_EQ(Count(page, "id=\"m1-f0\""), plain_report.findings.empty() ? 0u : 1u);
  EXPECT_NE(page.find("<title>Review: 2 messages</title>"), std::string::npos);
  // One message needs no contents.
  EXPECT_EQ(Page(plain).find("<nav"), std::string::npos);
}

TEST(ToHtmlTest, InvalidUtf8InputGivesValidUtf8Output) {
  const std::string input =
      "Your BP \xFF\xFE is high.\nThe edema \xE2\x82 is worse \xED\xA0\x80 now\x01.";
  Report report = DefaultAnalyzer().Analyze(input);
  HtmlDocument document{"bad\xC3.txt", input, report};
  std::string page = ToHtml({&document, 1});
  EXPECT_TRUE(IsValidUtf8(page));
  EXPECT_NE(page.find("\xEF\xBF\xBD"), std::string::npos);  // U+FFFD
  EXPECT_EQ(page.find('\x01'), std::string::npos);          // control characters too
  EXPECT_EQ(FindHighlight(page, "m1-f0").text, "BP");
  bool edema = false;
  for (size_t i = 0; i < report.findings.size(); ++i) {
    edema |= FindHighlight(page, "m1-f" + std::to_string(i)).text == "edema";
  }
  EXPECT_TRUE(edema);
}

TEST(ToHtmlTest, LoadsNothingFromAnywhere) {
  std::string page = Page(ReadExample("portal_message.txt"), "portal_message.txt");
  EXPECT_EQ(page.find("http://"), std::string::npos);
  EXPECT_EQ(page.find("https://"), std::string::npos);
  EXPECT_EQ(page.find(" src="), std::string::npos);
  EXPECT_EQ(page.find("url("), std::string::npos);
  EXPECT_EQ(page.find("@import"), std::string::npos);
  EXPECT_EQ(page.find("<link"), std::string::npos);
  // Links only point inside the page.
  for (size_t at = 0; (at = page.find("href=\"", at)) != std::string::npos; at += 6) {
    EXPECT_EQ(page[at + 6], '#') << page.substr(at, 40);
  }
  EXPECT_NE(page.find("content=\"default-src 'none';"), std::string::npos);
  // A message that mentions a web address shows it as text, not a link.
  std::string mentions = Page("See https://example.org/a?b=1&c=2 for more.");
  EXPECT_NE(mentions.find(">See https://"), std::string::npos);
  EXPECT_NE(mentions.find("/a?b=1&amp;c=2 for more."), std::string::npos);
  EXPECT_EQ(mentions.find("href=\"http"), std::string::npos);
}

TEST(ToHtmlTest, PanelShowsTheHealthGradeItsMeaningAndTheTargets) {
  const std::string input = ReadExample("portal_message.txt");
  Report report = DefaultAnalyzer().Analyze(input);
  HtmlDocument document{"portal_message.txt", input, report};
  std::string page = ToHtml({&document, 1});
  char grade[32], consensus[32], density[32];
  std::snprintf(grade, sizeof grade, ">%.1f</p>", report.readability.health_grade);
  std::snprintf(consensus, sizeof consensus, "(consensus): %.1f,",
                report.readability.consensus_grade);
  std::snprintf(density, sizeof density, ">%.1f%%</p>", report.jargon.density * 100);
  EXPECT_NE(page.find(grade), std::string::npos) << grade;
  EXPECT_NE(page.find(consensus), std::string::npos) << consensus;
  EXPECT_NE(page.find(density), std::string::npos) << density;
  EXPECT_NE(page.find("target 8 or lower"), std::string::npos);
  EXPECT_NE(page.find("max 5.0% &middot; "), std::string::npos);
  EXPECT_NE(page.find("Needs work"), std::string::npos);
  EXPECT_NE(page.find(std::string(kHealthGradeMeaning)), std::string::npos);
  // The sentence bars: one per sentence with a grade of its own (not the
  // greeting's or the signature's), each saying why when above the target.
  size_t graded = 0;
  for (const Sentence& s : report.sentences) graded += s.words > 0 && !std::isnan(s.grade);
  EXPECT_LT(graded, report.sentences.size());
  EXPECT_EQ(Count(page, "<li class=\"bar-row"), graded);
  EXPECT_NE(page.find("because of HbA1c, eGFR"), std::string::npos);
}

TEST(ToHtmlTest, FixFirstGroupsRepeatsAndPutsTheMostSevereFirst) {
  const std::string input = ReadExample("portal_message.txt");
  Report report = DefaultAnalyzer().Analyze(input);
  HtmlDocument document{"portal_message.txt", input, report};
  std::string page = ToHtml({&document, 1});
  size_t list = page.find("<ol class=\"fixes\">");
  ASSERT_NE(list, std::string::npos);
  size_t most_severe = 0, first_edema = report.findings.size();
  for (size_t i = 0; i < report.findings.size(); ++i) {
    if (report.findings[i].severity > report.findings[most_severe].severity) most_severe = i;
    if (report.findings[i].text == "edema" && first_edema == report.findings.size())
      first_edema = i;
  }
  ASSERT_LT(first_edema, report.findings.size());
  // The first entry links to the most severe finding.
  EXPECT_EQ(
      page.find("<li><a class=\"jump\" href=\"#", list),
      page.find("<li><a class=\"jump\" href=\"#m1-f" + std::to_string(most_severe) + "\"", list));
  // "edema" appears twice: one entry, a count, a link to the first.
  std::string edema_entry =
      "href=\"#m1-f" + std::to_string(first_edema) +
      "\"><span class=\"sample hl-jargon\">edema</span></a> <span class=\"count\">&times;2</span> "
      "&rarr; <span class=\"say\">swelling</span>";
  EXPECT_EQ(Count(page, edema_entry), 1u);
  EXPECT_EQ(Count(page, "<span class=\"sample hl-jargon\">edema</span></a>"), 1u);
}

TEST(ToHtmlTest, EmptyMessageStillMakesAPage) {
  std::string page = Page("");
  EXPECT_NE(page.find("<div class=\"message\" lang=\"en\"></div>"), std::string::npos);
  EXPECT_NE(page.find("Nothing to fix"), std::string::npos);
  // No words: nothing to judge, which is not a pass.
  EXPECT_NE(page.find("No text to judge"), std::string::npos);
  EXPECT_EQ(page.find("Meets the targets"), std::string::npos);
  EXPECT_EQ(page.rfind("</html>\n"), page.size() - 8);
}

// An input that could not be read keeps its place: in the contents and as
// a section with the reason, and no scores of its own.
TEST(ToHtmlTest, UnreadInputKeepsItsPlaceWithTheReason) {
  const std::string plain = ReadExample("plain_message.txt");
  const Report error = ErrorReport(AnalyzerOptions{}, "cannot open 'gone.txt': <missing>");
  const Report plain_report = DefaultAnalyzer().Analyze(plain);
  std::vector<HtmlDocument> documents = {{"gone.txt", "", error},
                                         {"plain_message.txt", plain, plain_report}};
  std::string page = ToHtml(documents);
  EXPECT_NE(page.find("<a href=\"#m1\">gone.txt</a> &middot; not analysed: cannot open "
                      "&#39;gone.txt&#39;: &lt;missing&gt;</li>"),
            std::string::npos);
  const size_t section = page.find("<section class=\"doc\" id=\"m1\"");
  const size_t next = page.find("<section class=\"doc\" id=\"m2\"");
  ASSERT_NE(section, std::string::npos);
  ASSERT_NE(next, std::string::npos);
  const std::string first = page.substr(section, next - section);
  EXPECT_NE(first.find("<span class=\"verdict needs-work\">Not analysed</span>"),
            std::string::npos);
  EXPECT_NE(first.find("<p class=\"doc-error\">Not analysed: cannot open &#39;gone.txt&#39;: "
                       "&lt;missing&gt;</p></section>"),
            std::string::npos);
  EXPECT_EQ(first.find("health grade"), std::string::npos);
  EXPECT_EQ(Count(page, "<section class=\"doc\""), 2u);
}

}  // namespace
}  // namespace plainlang
