#include "communication/rules.h"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <stdexcept>
#include <string>

#include "lexicon/tsv_table.h"
#include "text/byte_scan.h"

// The lists, linked in by embedded_tables.S (see CMakeLists.txt).
extern "C" {
extern const char plainlang_communication_stigmatizing[],
    plainlang_communication_stigmatizing_end[];
extern const char plainlang_communication_result_words[],
    plainlang_communication_result_words_end[];
extern const char plainlang_communication_phrases[], plainlang_communication_phrases_end[];
}

namespace plainlang {
namespace {

std::string_view Embedded(const char* begin, const char* end) {
  return {begin, static_cast<size_t>(end - begin)};
}

std::unique_ptr<RE2> Compile(const std::string& pattern) {
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  auto re = std::make_unique<RE2>(pattern, options);
  // The lists are ours and checked by tests; a bad pattern is a build error.
  if (!re->ok()) throw std::logic_error("communication rule: " + re->error() + ": " + pattern);
  return re;
}

// One alternation of `terms`, each matched whole ("\bterm\b"), longest
// first so that "non-compliant" wins over "compliant".
std::unique_ptr<RE2> Words(std::vector<std::string> terms) {
  std::sort(terms.begin(), terms.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  std::string pattern = "\\b(";
  for (size_t k = 0; k < terms.size(); ++k) {
    if (k > 0) pattern += '|';
    pattern += RE2::QuoteMeta(terms[k]);
  }
  return Compile(pattern + ")\\b");
}

// The patterns of one item of phrases.tsv, as one alternation.
std::unique_ptr<RE2> Phrases(const std::vector<std::string>& patterns) {
  std::string pattern;
  for (const std::string& p : patterns) pattern += (pattern.empty() ? "(?:" : "|(?:") + p + ")";
  return Compile(pattern.empty() ? "$^" : pattern);
}

// The curated lists of data/communication/.
void LoadLists(CommunicationRules& rules) {
  std::vector<std::string> terms;
  ForEachTsvRow(
      Embedded(plainlang_communication_stigmatizing, plainlang_communication_stigmatizing_end),
      "communication/stigmatizing.tsv",
      {{"term", true}, {"alternative", true}, {"category", false}, {"context", false}},
      [&](const TsvRow& row) {
        std::string term = LowerAscii(row.field(0));
        terms.push_back(term);
        const std::string_view alternative = row.field(1);
        rules.stigmatizing[term] = {std::string(alternative.substr(0, alternative.find('|'))),
                                    LowerAscii(row.field(3))};
      });
  rules.stigmatizing_terms = Words(terms);
  terms.clear();
  ForEachTsvRow(
      Embedded(plainlang_communication_result_words, plainlang_communication_result_words_end),
      "communication/result_words.tsv", {{"term", true}, {"plain", true}, {"gloss_words", false}},
      [&](const TsvRow& row) {
        std::string term = LowerAscii(row.field(0));
        terms.push_back(term);
        ResultWord& word = rules.result_words[term];
        const std::string_view plain = row.field(1);
        word.plain = plain.substr(0, plain.find('|'));  // the best of the alternatives
        const std::string glosses = LowerAscii(row.field(2));
        for (size_t at = 0; at <= glosses.size();) {
          size_t end = glosses.find(';', at);
          if (end == std::string::npos) end = glosses.size();
          std::string gloss = glosses.substr(at, end - at);
          gloss.erase(0, gloss.find_first_not_of(' '));
          gloss.erase(gloss.find_last_not_of(' ') + 1);
          if (!gloss.empty()) word.gloss_words.push_back(gloss);
          at = end + 1;
        }
      });
  rules.result_terms = Words(terms);
  std::unordered_map<std::string, std::vector<std::string>> phrases;
  ForEachTsvRow(
      Embedded(plainlang_communication_phrases, plainlang_communication_phrases_end),
      "communication/phrases.tsv", {{"item", true}, {"pattern", true}},
      [&](const TsvRow& row) { phrases[std::string(row.field(0))].emplace_back(row.field(1)); });
  rules.acknowledges = Phrases(phrases["acknowledges_patient"]);
  rules.safety_sign = Phrases(phrases["safety_net_sign"]);
  rules.safety_action = Phrases(phrases["safety_net_action"]);
  rules.contact = Phrases(phrases["contact"]);
  rules.timing = Phrases(phrases["timing"]);
  rules.impersonal = Phrases(phrases["impersonal"]);
  rules.number_meaning = Phrases(phrases["number_meaning"]);
}

// The grammar no list can hold: greetings, instructions, timings and
// conditionals.
void CompileInstructionGrammar(CommunicationRules& rules) {
  // A greeting line: "Hi Maria,", "Dear Mr. Okafor,". The name, capitalised,
  // acknowledges the patient.
  rules.greeting =
      Compile("^\\s*(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|greetings)\\b");
  // An instruction to the patient: an imperative first ("Take ...",
  // "Please call ..."), or "you should / need to / can ...".
  rules.instruction = Compile(
      "(?:^|[;:,]|\\band\\b|\\bthen\\b|\\bor\\b)[\\s\\-*\\x{2022}\\d.)]*(?:(?:please|also|"
      "now|first|next|finally|for now|in the meantime|going forward|until then|today|tonight|"
      "tomorrow|again)[,\\s]+)*"
      "(?:take|call|schedule|stop|start|continue|keep|make|come|go|bring|avoid|eat|drink|check|"
      "use|get|send|let|reply|return|follow|book|pick|fill|apply|wear|rest|try|watch|monitor|"
      "remember|plan|hold|increase|decrease|reduce|limit|walk|see|contact|read|complete|fast|"
      "arrive|log|sign|skip|resume|restart|switch|cut|add|ask|tell|write|record|measure|weigh|"
      "elevate|stay|leave|wash|clean|cover|drop|upload|expect|look|review|note|do not|don't|"
      "never|aim|give|set|test|repeat|head|feel free|message|text|email|inject|chew|swallow|"
      "rinse|gargle|soak|ice|breathe|sip|spray|insert|place|put|lift|bend|sleep|sit|lie|stand|"
      "change|mark|bring|fill out|pick up|drop off|call back|wait|plan on|hold off|cancel|"
      "confirm|visit|refill|order|print|bring in|show|let us know|tell us|talk|discuss|"
      "return to|resume taking|stop taking|keep taking|continue taking|start taking|"
      "try to|be sure|make sure|remember to)\\b|"
      "\\bplease\\b|\\byou(?:'ll| will)? (?:should|need to|must|have to|are to|may want to|"
      "might want to|will need to|ought to)\\b|\\b(?:make sure|be sure to|remember to|"
      "don'?t forget to)\\b");
  // "Nothing you need to do": an instruction-like phrase that asks nothing.
  rules.no_action = Compile(
      "\\bnothing (?:(?:else|new|more|further)\\s+)?(?:you need to do|you have to do|to do|"
      "for you to do|needs to be done|you need to change)\\b|\\bno (?:need to|action (?:is )?"
      "needed|changes? (?:is |are )?needed)\\b|\\byou (?:don'?t|do not) need to (?:do|change) "
      "anything\\b");
  // When, how often or how: the times the list cannot enumerate.
  rules.timing_extra = Compile(
      "\\b(?:now|right away|immediately|today|tonight|tomorrow|soon|this (?:week|morning|"
      "afternoon|evening|weekend)|next (?:week|month|visit|time)|most days|while you wait|"
      "as needed|as directed|under the skin|by mouth|then stop|at your next|per day|a day|"
      "each (?:time|dose))\\b");
  // "If <sign>, <do this>": a conditional whose consequence is a safety
  // action, in one sentence.
  rules.conditional = Compile(
      "\\b(?:if|should)\\b[^.]{3,}?[,;]\\s*(?:please\\s+)?(?:call|go|"
      "come|seek|contact|stop|head|get|tell|let us know|page|return)\\b|"
      // ... and the action first: "Return to the ED if the pain comes back",
      // "Call the clinic with any bleeding".
      "\\b(?:call|return|go|come|seek|contact|head)\\b[^.]*?\\b(?:if|when|with any|"
      "for any)\\b[^.]{3,}");
  rules.only_questions = Compile(
      "\\bif you have (?:any )?(?:other |more |further )?(?:questions|concerns)\\b|"
      "\\b(?:with|for) any (?:other |more |further )?(?:questions|concerns)\\b");
}

// The grammar of passives, measurements, results, changes and main messages.
void CompileFindingGrammar(CommunicationRules& rules) {
  // A form of "be" or "get" and a past participle, not one used as an
  // adjective ("pleased", "swollen"; see checklist.cc).
  rules.passive = Compile(
      "\\b(?:is|are|was|were|be|been|being|get|gets|got|gotten|'s|'re)\\s+(?:(?:not|also|now|"
      "already|still|just|then|currently|usually|being|all|both|routinely|typically|often|"
      "normally|recently|quickly|carefully|automatically)\\s+)*"
      "([a-z]{2,}ed|[a-z]{2,}en|done|made|taken|given|seen|sent|shown|found|held|kept|left|put|"
      "set|told|written|drawn|begun|run|brought|bought|thought|paid|read|cut|hurt|dealt|meant|"
      "sold|spent|understood|known|grown|thrown)\\b");
  // A value a patient must be told the meaning of: a lab value with its
  // unit, a named measurement and its number, a blood pressure, a percentage.
  rules.lab_number = Compile(
      "\\b\\d+(?:\\.\\d+)?\\s?(?:%|mg/dl|mmol/l|g/dl|ng/ml|pg/ml|u/l|iu/l|meq/l|mcg/l|ng/dl|"
      "miu/l|mmhg|bpm|k/ul|mm|cm|ml/min(?:/1\\.73\\s?m2)?)(?:\\W|$)|"
      "\\b(?:a1c|hba1c|hemoglobin a1c|ldl|hdl|tg|tsh|psa|creatinine|e?gfr|potassium|sodium|"
      "hemoglobin|hgb|glucose|blood sugar|cholesterol|triglycerides|vitamin d|ferritin|"
      "platelets?|wbc|white (?:blood )?count|inr|bmi|blood pressure|bp|heart rate|hr|pulse|"
      "oxygen(?: level| saturation)?|o2 sat|b12|calcium|alt|ast|bilirubin|albumin|"
      "uric acid|crp|esr|bnp|troponin|lipase|magnesium|t4|cortisol|testosterone|"
      "ejection fraction|ef|t-score)(?: level)?(?:\\s*(?:is|was|of|at|=|:|came back at|"
      "now|today|went up to|rose to|fell to|dropped to|down to|up to|reading|result))?"
      "[\\s:=(]*\\d+(?:\\.\\d+)?(?:/\\d+)?|"
      "\\b(?:[89]\\d|1\\d\\d|2\\d\\d)/(?:[4-9]\\d|1[0-4]\\d)\\b");
  // What may follow a number that is no measurement: a time, a dose.
  rules.not_measurement = Compile(
      "^\\s*(?:months?|weeks?|days?|years?|hours?|minutes?|mg|mcg|units?|tablets?|pills?|"
      "times?|am|pm|o'clock)\\b");
  // Words that say the sentence gives a result: what was tested, and a
  // judgement of it.
  rules.result_cue = Compile(
      "\\b(?:tests?|tested|results?|scans?|screen(?:ing)?|x-?rays?|cultures?|biopsy|labs?|"
      "lab work|blood ?work|mri|ct|ultrasound|swab|mammogram|echo(?:cardiogram)?|ekg|ecg|pap|"
      "panel|came back|showed|shows|imaging|colonoscopy|levels?|a1c|urine|sample|study|counts?|"
      "numbers|readings?|pathology|report|cholesterol|ldl|hdl|tsh|psa|inr|exam|findings?)\\b");
  rules.result_judgement = Compile(
      "\\b(?:normal|abnormal|fine|good|great|healthy|high|higher|low|lower|elevated|clear|"
      "negative|positive|unremarkable|stable|progress\\w*|benign|cancer|infection|no sign|"
      "signs? of|showed|shows|found|came back|within|above|below|goal|target|range|improved|"
      "better|worse|up from|down from|\\d)\\b");
  // Signs that something changes for the patient, so that warning signs
  // apply: a medicine started, stopped or changed, a procedure, a symptom.
  rules.clinical_change = Compile(
      "\\b(?:start(?:ed|ing)? (?:taking |a |the |you on )?|stop(?:ped|ping)? (?:taking )?|"
      "increas(?:e|ed|ing)|decreas(?:e|ed|ing)|lower(?:ed|ing)? (?:your|the) dose|"
      "rais(?:e|ed|ing) (?:your|the) dose|new (?:medicine|medication|prescription)|"
      "switch(?:ed|ing)?|adding|surgery|procedure|discharged?|going home|infection|"
      "antibiotics?|fever|chest pain|swelling|bleeding|short(?:ness)? of breath|dizz(?:y|iness)|"
      "stroke|blood clot|wound|stitches|incision|injury|fracture|sprain|pneumonia|flu|covid|"
      "allergic|rash|opioid|blood thinner|anemia|withdrawal)\\b");
  // What makes a sentence the main message.
  rules.decision = Compile(
      "\\b(?:normal|abnormal|good news|bad news|results?|decided|recommend(?:ed)?|plan|ready|"
      "approved|denied|scheduled|refill(?:ed)?|referr(?:ed|al)|diagnos(?:is|ed)|need|needs|"
      "should|will|can|qualify|qualifies|go home|going home|changed?|start|stop|increase|"
      "decrease|came back|showed|shows|found)\\b|"
      // What the clinician did: "I called in prednisone", "we sent a refill".
      "\\b(?:i|we)(?:'ve| have)? (?:called in|sent|prescribed|ordered|started|stopped|changed|"
      "increased|decreased|refilled|scheduled|booked|referred|reviewed|received|checked|"
      "added|switched|approved|renewed)\\b");
  rules.treatment_after = Compile(
      "^\\s*(?:\\w+\\s+){0,2}?(?:treatments?|therapy|therapies|medications?|medicines?|drugs?|"
      "trials?|regimens?|course|metformin|statins?|insulin|antibiotics?|\\w+(?:mab|nib|pril|"
      "sartan|olol|statin|formin|azole|cillin|mycin|oxacin|cycline|prazole|tidine|parin|xaban|"
      "gliptin|glutide|gliflozin))\\b");
  // "is diabetic", "pre-diabetic": an adjective after all.
  rules.predicative_before =
      Compile("\\b(?:is|are|am|was|were|be|been|become|becoming|not|pre)[\\s-]*$");
  rules.noun_after = Compile(
      "^\\s*(?:diet|foot|feet|supplies|medications?|medicines?|eyes?|shoes|socks|neuropathy|"
      "retinopathy|nephropathy|kidney|education|testing|tests?|strips|ketoacidosis|range|"
      "control|care|clinic|educator|ulcers?|wounds?|meals?|plan|coma|emergenc(?:y|ies)|drinks?|"
      "snacks?|friendly|patients?|beverages?|liver|neuropath\\w*|hepatitis|cirrhosis)\\b");
}

// The set of the sentence-level patterns, in Feature order.
void CompileFeatures(CommunicationRules& rules) {
  const RE2* in_order[] = {
      rules.greeting.get(),      rules.instruction.get(),      rules.no_action.get(),
      rules.impersonal.get(),    rules.timing.get(),           rules.timing_extra.get(),
      rules.result_cue.get(),    rules.result_judgement.get(), rules.safety_sign.get(),
      rules.safety_action.get(), rules.conditional.get(),      rules.only_questions.get(),
      rules.contact.get(),       rules.decision.get(),         rules.clinical_change.get(),
      rules.acknowledges.get(),  rules.number_meaning.get(),   rules.stigmatizing_terms.get(),
      rules.result_terms.get(),  rules.lab_number.get(),       rules.passive.get()};
  static_assert(std::size(in_order) == CommunicationRules::kFeatureCount);
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  options.set_max_mem(int64_t{64} << 20);
  rules.features = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  for (const RE2* re : in_order) {
    std::string error;
    if (rules.features->Add(re->pattern(), &error) < 0) {
      throw std::logic_error("communication rule set: " + error);
    }
  }
  if (!rules.features->Compile()) throw std::logic_error("communication rule set: too large");
}

CommunicationRules Build() {
  CommunicationRules rules;
  LoadLists(rules);
  CompileInstructionGrammar(rules);
  CompileFindingGrammar(rules);
  CompileFeatures(rules);
  return rules;
}

}  // namespace

const CommunicationRules& CommunicationRules::Get() {
  static const CommunicationRules rules = Build();
  return rules;
}

}  // namespace plainlang
