// plainlang._core: the C++ engine as Python types. Conversion only: Python
// text becomes bytes the engine reads, reports become dicts keyed by field
// name (the registry's, ReportFields) that the package in python/plainlang
// turns into named types. The GIL is released
// once the arguments are converted.
#include <pybind11/functional.h>
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "plainlang/analyzer.h"
#include "plainlang/batch.h"
#include "plainlang/grade_model.h"
#include "plainlang/lexicon.h"
#include "plainlang/output.h"
#include "plainlang/report.h"
#include "plainlang/version.h"

namespace py = pybind11;

namespace plainlang {
namespace {

// Strings from the engine are UTF-8, except a finding's text, which holds the
// caller's bytes; an invalid sequence there decodes to U+FFFD, as in the JSON.
py::str Str(std::string_view text) {
  PyObject* str =
      PyUnicode_DecodeUTF8(text.data(), static_cast<Py_ssize_t>(text.size()), "replace");
  if (str == nullptr) throw py::error_already_set();
  return py::reinterpret_steal<py::str>(str);
}

// A tuple of convert(item) for each item of a vector or a span.
template <typename Items, typename Convert>
py::tuple TupleOf(const Items& items, Convert convert) {
  py::tuple out(items.size());
  for (size_t i = 0; i < items.size(); ++i) out[i] = convert(items[i]);
  return out;
}

// A tuple of str from strings or views.
template <typename Strings>
py::tuple Strs(const Strings& strings) {
  return TupleOf(strings, Str);
}

// What a missing value is called in an error: pandas and NumPy write NaN.
std::string TypeName(py::handle item) {
  if (item.is_none()) return "None";
  if (PyFloat_Check(item.ptr()) && std::isnan(PyFloat_AS_DOUBLE(item.ptr()))) return "NaN";
  return Py_TYPE(item.ptr())->tp_name;
}

// The bytes of one Python object, and whatever must stay alive for them to
// stay valid: str as UTF-8 (a lone surrogate is kept as the invalid bytes
// "surrogatepass" gives, which the engine then replaces and reports), bytes
// as they are, other buffers copied. Anything else is an input error.
BatchInput ToInput(py::handle item, std::vector<py::object>& owners) {
  BatchInput input;
  if (PyUnicode_Check(item.ptr())) {
    Py_ssize_t size = 0;
    const char* data = PyUnicode_AsUTF8AndSize(item.ptr(), &size);
    if (data != nullptr) {
      input.text = std::string_view(data, static_cast<size_t>(size));
      return input;
    }
    PyErr_Clear();
    PyObject* encoded = PyUnicode_AsEncodedString(item.ptr(), "utf-8", "surrogatepass");
    if (encoded == nullptr) throw py::error_already_set();
    owners.push_back(py::reinterpret_steal<py::object>(encoded));
    item = owners.back();
  } else if (!PyBytes_Check(item.ptr())) {
    // Only the byte containers: a NumPy scalar has a buffer too, and its
    // eight bytes are not a message.
    if (!PyByteArray_Check(item.ptr()) && !PyMemoryView_Check(item.ptr())) {
      input.error = std::string("expected str or bytes, got ") + TypeName(item);
      return input;
    }
    // A bytearray or memoryview could change while the GIL is released.
    PyObject* copy = PyBytes_FromObject(item.ptr());
    if (copy == nullptr) throw py::error_already_set();
    owners.push_back(py::reinterpret_steal<py::object>(copy));
    item = owners.back();
  }
  input.text = std::string_view(PyBytes_AS_STRING(item.ptr()),
                                static_cast<size_t>(PyBytes_GET_SIZE(item.ptr())));
  return input;
}

// Byte spans into a str's UTF-8 (the engine's offsets) as code point spans
// into the str, so that Python slices it exactly; one pass over the bytes up
// to the last bound. A bound inside a character (only where a lone surrogate
// became bytes the engine replaced) widens the span to the whole character.
std::vector<std::pair<size_t, size_t>> CodePointSpans(
    const py::str& text, const std::vector<std::pair<size_t, size_t>>& spans) {
  std::vector<py::object> owners;
  const std::string_view bytes = ToInput(text, owners).text;
  struct Bound {
    size_t byte;
    size_t slot;  // 2 * span + 0 for its start, + 1 for its end
  };
  std::vector<Bound> bounds;
  bounds.reserve(2 * spans.size());
  for (size_t i = 0; i < spans.size(); ++i) {
    bounds.push_back({std::min(spans[i].first, bytes.size()), 2 * i});
    bounds.push_back({std::min(spans[i].second, bytes.size()), 2 * i + 1});
  }
  std::sort(bounds.begin(), bounds.end(),
            [](const Bound& a, const Bound& b) { return a.byte < b.byte; });
  auto continuation = [&](size_t at) {
    return (static_cast<unsigned char>(bytes[at]) & 0xC0) == 0x80;
  };
  std::vector<size_t> points(bounds.size());
  {
    // Large texts only: for a short one the GIL costs more than the scan.
    std::optional<py::gil_scoped_release> release;
    if (!bounds.empty() && bounds.back().byte > (size_t{1} << 20)) release.emplace();
    size_t byte = 0;
    size_t count = 0;  // characters starting before `byte`
    for (const Bound& bound : bounds) {
      for (; byte < bound.byte; ++byte) count += continuation(byte) ? 0 : 1;
      const bool inside = bound.byte < bytes.size() && continuation(bound.byte) && count > 0;
      points[bound.slot] = inside && bound.slot % 2 == 0 ? count - 1 : count;
    }
  }
  std::vector<std::pair<size_t, size_t>> out(spans.size());
  for (size_t i = 0; i < spans.size(); ++i) out[i] = {points[2 * i], points[2 * i + 1]};
  return out;
}

// A batch's inputs with the Python objects that own their bytes: a tuple of
// the items (the caller's list may change while the GIL is released) and any
// encoded copies.
struct Inputs {
  py::tuple items;
  std::vector<py::object> owners;
  std::vector<BatchInput> inputs;
};

Inputs ToInputs(const py::iterable& texts) {
  Inputs converted;
  converted.items = py::reinterpret_steal<py::tuple>(PySequence_Tuple(texts.ptr()));
  if (!converted.items) throw py::error_already_set();
  converted.inputs.reserve(converted.items.size());
  for (py::handle item : converted.items)
    converted.inputs.push_back(ToInput(item, converted.owners));
  return converted;
}

// Hands the matrix to numpy without copying: the array's base is a capsule
// that owns it.
py::array_t<double> ToArray(FeatureMatrix features) {
  const auto rows = static_cast<py::ssize_t>(features.rows());
  const auto cols = static_cast<py::ssize_t>(features.cols());
  if (rows == 0) return py::array_t<double>(std::vector<py::ssize_t>{rows, cols});
  auto* owned = new FeatureMatrix(std::move(features));
  py::capsule owner(owned, [](void* matrix) { delete static_cast<FeatureMatrix*>(matrix); });
  return py::array_t<double>(std::vector<py::ssize_t>{rows, cols}, owned->data(), owner);
}

// A report field's value as its Python type.
py::object FieldValue(const ReportField& field, const Report& report) {
  const double value = field.value(report);
  switch (field.type) {
    case FieldType::kInteger: return py::int_(static_cast<int64_t>(value));
    case FieldType::kBool:
      return std::isnan(value) ? py::object(py::none()) : py::object(py::bool_(value != 0));
    case FieldType::kNumber: break;
  }
  return py::float_(value);
}

// The fields of one group ("counts") by name.
py::dict FieldGroup(const Report& report, std::string_view group) {
  py::dict values;
  bool found = false;
  for (const ReportField& field : ReportFields()) {
    if (field.group != group) continue;
    values[Str(field.name)] = FieldValue(field, report);
    found = true;
  }
  if (!found)
    throw py::key_error(std::string("no report field group '") + std::string(group) + "'");
  return values;
}

py::dict FieldDescription(const ReportField& field) {
  static constexpr const char* kTypes[] = {"number", "integer", "bool"};
  return py::dict(py::arg("group") = Str(field.group), py::arg("name") = Str(field.name),
                  py::arg("column") = Str(field.column),
                  py::arg("type") = kTypes[static_cast<int>(field.type)],
                  py::arg("low") = field.low, py::arg("high") = field.high,
                  py::arg("decimals") = field.decimals, py::arg("feature") = field.feature,
                  py::arg("doc") = Str(field.doc), py::arg("in_json") = field.in_json);
}

py::dict FindingDict(const Finding& f) {
  return py::dict(
      py::arg("kind") = Str(FindingKindName(f.kind)), py::arg("text") = Str(f.text),
      py::arg("start") = f.start, py::arg("end") = f.end, py::arg("start_utf16") = f.start_utf16,
      py::arg("end_utf16") = f.end_utf16, py::arg("term") = Str(f.term),
      py::arg("suggestion") = Str(f.suggestion), py::arg("alternatives") = Strs(f.alternatives),
      py::arg("definition") = Str(f.definition), py::arg("expansions") = Strs(f.expansions),
      py::arg("familiarity") = f.familiarity, py::arg("severity") = f.severity,
      py::arg("source") = Str(f.source));
}

py::dict SentenceDict(const Sentence& s) {
  return py::dict(
      py::arg("start") = s.start, py::arg("end") = s.end, py::arg("start_utf16") = s.start_utf16,
      py::arg("end_utf16") = s.end_utf16, py::arg("words") = s.words, py::arg("grade") = s.grade,
      py::arg("jargon_words") = s.jargon_words, py::arg("jargon_density") = s.jargon_density);
}

// The checklist by item name: applies, meets and the evidence spans.
py::dict Checklist(const Communication& communication) {
  py::dict items;
  for (size_t k = 0; k < kCommunicationItemCount; ++k) {
    const CommunicationItemResult& item = communication.items[k];
    auto span = [](const CommunicationSpan& s) {
      return py::dict(py::arg("start") = s.start, py::arg("end") = s.end,
                      py::arg("start_utf16") = s.start_utf16, py::arg("end_utf16") = s.end_utf16,
                      py::arg("suggestion") = Str(s.suggestion));
    };
    items[Str(CommunicationItemName(static_cast<CommunicationItem>(k)))] =
        py::dict(py::arg("applies") = item.applies, py::arg("meets") = item.meets,
                 py::arg("evidence") = TupleOf(item.evidence, span));
  }
  return items;
}

// Empty means none.
py::object ErrorOf(const std::string& error) {
  return error.empty() ? py::object(py::none()) : py::object(Str(error));
}

// Runs a batch with the GIL released. The calling thread takes the GIL back
// about every 100 ms to report progress and to let Ctrl-C cancel the batch.
BatchResult RunBatch(const Analyzer& analyzer, const Inputs& converted, int threads,
                     const std::optional<py::function>& on_progress, bool keep_reports,
                     bool features) {
  std::optional<py::error_already_set> failure;  // destroyed with the GIL held
  BatchOptions options;
  options.threads = threads;
  options.keep_reports = keep_reports;
  options.features = features;
  options.progress = [&](size_t done) {
    py::gil_scoped_acquire gil;
    try {
      if (PyErr_CheckSignals() != 0) throw py::error_already_set();
      if (on_progress) (*on_progress)(done);
      return true;
    } catch (py::error_already_set& error) {
      failure.emplace(std::move(error));
      return false;
    }
  };
  BatchResult result;
  {
    py::gil_scoped_release release;
    result = AnalyzeBatch(analyzer, converted.inputs, options);
  }
  if (failure) throw std::move(*failure);
  return result;
}

std::vector<std::pair<TableKind, std::string>> Overlays(
    const std::vector<std::string>& terms, const std::vector<std::string>& abbreviations,
    const std::vector<std::string>& allow) {
  std::vector<std::pair<TableKind, std::string>> overlays;
  for (const auto& path : terms) overlays.emplace_back(TableKind::kTerms, path);
  for (const auto& path : abbreviations) overlays.emplace_back(TableKind::kAbbreviations, path);
  for (const auto& path : allow) overlays.emplace_back(TableKind::kAllow, path);
  return overlays;
}

// A GradeModel crosses as (intercept, (weights...), lowest, highest,
// vocabulary_ceiling, knee).
py::tuple GradeModelTuple(const GradeModel& model) {
  return py::make_tuple(
      model.intercept,
      py::tuple(py::cast(std::vector<double>(model.weights.begin(), model.weights.end()))),
      model.lowest, model.highest, model.vocabulary_ceiling, model.knee);
}

GradeModel ToGradeModel(const py::tuple& values) {
  GradeModel model;
  model.intercept = values[0].cast<double>();
  auto weights = values[1].cast<std::vector<double>>();
  if (weights.size() != model.weights.size())
    throw py::value_error("grade model: wrong number of weights");
  std::copy(weights.begin(), weights.end(), model.weights.begin());
  model.lowest = values[2].cast<double>();
  model.highest = values[3].cast<double>();
  model.vocabulary_ceiling = values[4].cast<double>();
  model.knee = values[5].cast<double>();
  return model;
}

// One Python class for every loading error, a ValueError carrying the
// file, line and reason separately.
void BindLexiconError(py::module_& m) {
  static py::handle lexicon_error =
      PyErr_NewException("plainlang.LexiconError", PyExc_ValueError, nullptr);
  m.attr("LexiconError") = lexicon_error;
  py::register_exception_translator([](std::exception_ptr thrown) {
    try {
      if (thrown) std::rethrow_exception(thrown);
    } catch (const LexiconError& error) {
      py::object instance = py::reinterpret_borrow<py::object>(lexicon_error)(error.what());
      instance.attr("file") = error.file();
      instance.attr("line") = error.line();
      instance.attr("reason") = error.reason();
      PyErr_SetObject(lexicon_error.ptr(), instance.ptr());
    }
  });
}

// The options' defaults and ranges, and the feature matrix's columns.
void BindOptions(py::module_& m) {
  m.attr("FEATURE_NAMES") = Strs(FeatureNames());

  const AnalyzerOptions defaults;
  m.attr("DEFAULT_OPTIONS") = py::dict(
      py::arg("target_grade") = defaults.target_grade, py::arg("max_jargon") = defaults.max_jargon,
      py::arg("long_sentence_words") = defaults.long_sentence_words,
      py::arg("jargon_familiarity") = defaults.jargon_familiarity,
      py::arg("complex_word_zipf") = defaults.complex_word_zipf,
      py::arg("max_input_bytes") = defaults.max_input_bytes,
      py::arg("min_communication") = defaults.min_communication);
  m.attr("MAX_INPUT_BYTES") = kMaxInputBytes;
  auto range = [](auto r) { return py::make_tuple(r.low, r.high); };
  m.attr("OPTION_RANGES") = py::dict(py::arg("target_grade") = range(kTargetGradeRange),
                                     py::arg("max_jargon") = range(kMaxJargonRange),
                                     py::arg("long_sentence_words") = range(kLongSentenceRange),
                                     py::arg("jargon_familiarity") = range(kJargonFamiliarityRange),
                                     py::arg("complex_word_zipf") = range(kComplexWordZipfRange),
                                     py::arg("max_input_bytes") = range(kMaxInputBytesRange),
                                     py::arg("min_communication") = range(kMinCommunicationRange));
  m.def(
      "cores", [] { return BatchThreads(0); }, "Cores this process may run on.");
}

void BindGradeModel(py::module_& m) {
  m.attr("GRADE_FEATURE_NAMES") = Strs(GradeFeatureNames());
  m.def("default_grade_model", [] { return GradeModelTuple(GradeModel::Default()); });
  m.def(
      "fit_grade_model",
      [](const Analyzer& analyzer, std::vector<std::string> texts, std::vector<double> ratings,
         double ridge, bool grade_scale, double vocabulary_ceiling, double knee) {
        GradeFitOptions options;
        options.ridge = ridge;
        options.grade_scale = grade_scale;
        options.vocabulary_ceiling = vocabulary_ceiling;
        options.knee = knee;
        GradeModel model;
        {
          py::gil_scoped_release release;
          model = FitGradeModel(analyzer, texts, ratings, options);
        }
        return GradeModelTuple(model);
      },
      py::arg("analyzer"), py::arg("texts"), py::arg("ratings"), py::arg("ridge"),
      py::arg("grade_scale"), py::arg("vocabulary_ceiling"), py::arg("knee"));
  m.def(
      "predict_grade",
      [](const py::tuple& model, const Report& report) {
        return ToGradeModel(model).Predict(report);
      },
      py::arg("model"), py::arg("report"));
}

void BindReport(py::module_& m) {
  m.attr("REPORT_FIELDS") = TupleOf(ReportFields(), FieldDescription);

  m.def("code_point_spans", &CodePointSpans, py::arg("text"), py::arg("spans"),
        "(start, end) byte offsets into text's UTF-8 as code point offsets into text.");

  py::class_<Report>(m, "Report")
      .def(
          "group", [](const Report& r, std::string_view group) { return FieldGroup(r, group); },
          py::arg("group"))
      .def_property_readonly("findings",
                             [](const Report& r) { return TupleOf(r.findings, FindingDict); })
      .def_property_readonly("sentences",
                             [](const Report& r) { return TupleOf(r.sentences, SentenceDict); })
      .def_property_readonly("warnings", [](const Report& r) { return Strs(r.warnings); })
      .def_property_readonly("error", [](const Report& r) { return ErrorOf(r.error); })
      .def_property_readonly("checklist",
                             [](const Report& r) { return Checklist(r.communication); })
      .def_property_readonly("grade_features",
                             [](const Report& r) {
                               const auto x = GradeFeatures(r);
                               return py::tuple(py::cast(std::vector<double>(x.begin(), x.end())));
                             })
      .def(
          "to_json",
          [](const Report& r, std::string_view source) { return Str(ToJson(r, source)); },
          py::arg("source") = "");
}

void BindAnalyzer(py::module_& m) {
  py::class_<Analyzer>(m, "Analyzer")
      .def(py::init([](const std::vector<std::string>& terms,
                       const std::vector<std::string>& abbreviations,
                       const std::vector<std::string>& allow, double target_grade,
                       double max_jargon, int long_sentence_words, double jargon_familiarity,
                       double complex_word_zipf, size_t max_input_bytes, double min_communication,
                       const std::vector<std::string>& skip_items,
                       std::optional<py::tuple> grade_model) {
             AnalyzerOptions options;
             options.target_grade = target_grade;
             options.max_jargon = max_jargon;
             options.long_sentence_words = long_sentence_words;
             options.jargon_familiarity = jargon_familiarity;
             options.complex_word_zipf = complex_word_zipf;
             options.max_input_bytes = max_input_bytes;
             options.min_communication = min_communication;
             for (const std::string& name : skip_items) {
               bool known = false;
               for (size_t k = 0; k < kCommunicationItemCount; ++k) {
                 if (name == CommunicationItemName(static_cast<CommunicationItem>(k))) {
                   options.checklist_items[k] = false;
                   known = true;
                 }
               }
               if (!known)
                 throw py::value_error("skip_items: no communication item '" + name + "'");
             }
             if (grade_model)
               options.grade_model = std::make_shared<const GradeModel>(ToGradeModel(*grade_model));
             auto overlays = Overlays(terms, abbreviations, allow);
             py::gil_scoped_release release;
             auto lexicon =
                 overlays.empty() ? Lexicon::Default() : Lexicon::DefaultWithOverlays(overlays);
             return std::make_unique<Analyzer>(std::move(lexicon), options);
           }),
           py::arg("terms"), py::arg("abbreviations"), py::arg("allow"), py::arg("target_grade"),
           py::arg("max_jargon"), py::arg("long_sentence_words"), py::arg("jargon_familiarity"),
           py::arg("complex_word_zipf"), py::arg("max_input_bytes"), py::arg("min_communication"),
           py::arg("skip_items"), py::arg("grade_model"))
      .def(
          "analyze",
          [](const Analyzer& analyzer, py::handle text) {
            std::vector<py::object> owners;
            BatchInput input = ToInput(text, owners);
            if (!input.error.empty()) throw py::type_error(input.error);
            Report report;
            {
              py::gil_scoped_release release;
              report = analyzer.Analyze(input.text);
            }
            return report;
          },
          py::arg("text"))
      .def(
          "analyze_batch",
          [](const Analyzer& analyzer, const py::iterable& texts, int threads,
             std::optional<py::function> progress, bool keep_reports, bool features) {
            Inputs converted = ToInputs(texts);
            BatchResult result =
                RunBatch(analyzer, converted, threads, progress, keep_reports, features);
            py::list reports(result.reports.size());
            for (size_t i = 0; i < result.reports.size(); ++i) {
              reports[i] = py::cast(std::move(result.reports[i]));
            }
            py::object matrix =
                features ? py::object(ToArray(std::move(result.features))) : py::none();
            return py::make_tuple(reports, matrix, TupleOf(result.errors, ErrorOf));
          },
          py::arg("texts"), py::arg("threads"), py::arg("progress"), py::arg("keep_reports"),
          py::arg("features"));
}

}  // namespace
}  // namespace plainlang

PYBIND11_MODULE(_core, m) {
  m.doc() = "The plainlang engine; use the plainlang package, not this module.";
  m.attr("__version__") = std::string(plainlang::kVersion);
  plainlang::BindLexiconError(m);
  plainlang::BindOptions(m);
  plainlang::BindGradeModel(m);
  plainlang::BindReport(m);
  plainlang::BindAnalyzer(m);
}
