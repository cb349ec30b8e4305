#pragma once
/// @file Typed, validated access to the fields of a JSON object. Every read checks type and
/// range, records a Problem with the field's JSON pointer when something is wrong (and keeps
/// the default), and writes the value actually used into a "resolved" document, so that
/// `cadresim validate --resolved` shows every default. finish() reports unknown keys, with a
/// "did you mean" when one is close.

#include <nlohmann/json.hpp>  // nlohmann::json

#include <optional>  // std::optional
#include <string>    // std::string
#include <vector>    // std::vector

#include "sim/kernel/calendar.hpp"     // kernel::Day, dates
#include "sim/model/distribution.hpp"  // model::Distribution
#include "sim/model/scenario.hpp"      // model::MonthDay
#include "sim/scenario/problems.hpp"   // Problems

namespace cadresim::scenario {

using json = nlohmann::json;

/// Escapes one reference token for a JSON pointer (RFC 6901: ~ → ~0, / → ~1).
std::string pointer_token(const std::string& key);

/// Reader over one JSON object (or an absent one: then every field takes its default).
class FieldReader {
 public:
  /// `in` may be null (section absent); `out` receives the resolved object.
  FieldReader(const json* in, json& out, std::string pointer, Problems& problems);

  /// Pointer of this object.
  const std::string& pointer() const { return pointer_; }
  /// Pointer of a field of this object.
  std::string at(const std::string& key) const { return pointer_ + "/" + pointer_token(key); }
  /// True if the object has the key (and marks it known).
  bool has(const std::string& key);
  /// The raw value of a key (marks it known), or nullptr.
  const json* raw(const std::string& key);
  /// Marks keys as known without reading them (e.g. "$comment").
  void allow(const std::string& key) { known_.push_back(key); }

  /// Number in [lo, hi]; keeps `value` (the default) when absent.
  void number(const std::string& key, double& value, double lo, double hi);
  /// Probability in [0, 1].
  void probability(const std::string& key, double& value) { number(key, value, 0.0, 1.0); }
  /// Integer in [lo, hi].
  void integer(const std::string& key, int& value, int lo, int hi);
  /// Boolean.
  void boolean(const std::string& key, bool& value);
  /// String (non-empty when `required`).
  void string(const std::string& key, std::string& value, bool required = false);
  /// One of `choices`.
  void choice(const std::string& key, std::string& value, const std::vector<std::string>& choices);
  /// ISO date "YYYY-MM-DD"; `required` makes absence a problem.
  void date(const std::string& key, kernel::Day& value, bool required = false);
  /// "MM-DD" annual date.
  void month_day(const std::string& key, model::MonthDay& value);
  /// A distribution object {"distribution": kind, "mean", "sd", "min", "max"}.
  void distribution(const std::string& key, model::Distribution& value, double lo, double hi);
  /// Sub-object reader; absent objects read as empty (defaults), wrong types are problems.
  FieldReader object(const std::string& key);
  /// Array of the key, or nullptr (with a problem if present but not an array, or if
  /// `required` and absent). The resolved output gets a copy of the array.
  const json* array(const std::string& key, bool required = false);

  /// Reports unknown keys. Call once all fields are read.
  void finish();

  /// The problems sink.
  Problems& problems() { return problems_; }
  /// The resolved output object.
  json& out() { return out_; }

 private:
  const json* lookup(const std::string& key);
  const json* in_;
  json& out_;
  std::string pointer_;
  Problems& problems_;
  std::vector<std::string> known_;
  bool bad_type_ = false;
};

/// Reads the array of objects at `key` of `r`: prepares the resolved output (one object per
/// element) and calls `each(FieldReader& element, std::size_t index)` for each element, in
/// order. Returns false when the key is absent or not an array (a problem if `required`).
template <class Each>
bool for_each_object(FieldReader& r, const std::string& key, bool required, Each&& each) {
  const json* arr = r.array(key, required);
  json& out = r.out()[key];
  out = json::array();
  if (arr == nullptr) return false;
  // Fill the output array first: references to its elements stay valid while reading.
  for (std::size_t i = 0; i < arr->size(); ++i) out.push_back(json::object());
  for (std::size_t i = 0; i < arr->size(); ++i) {
    FieldReader element(&(*arr)[i], out[i], r.at(key) + "/" + std::to_string(i), r.problems());
    each(element, i);
  }
  return true;
}

/// Reads a distribution object at `pointer` (shared by FieldReader and array readers).
model::Distribution read_distribution(const json& j, json& out, const std::string& pointer,
                                      Problems& problems, double lo, double hi,
                                      const model::Distribution& fallback);

/// JSON type name for messages, in English ("a number", "a string", ...).
std::string type_name(const json& j);
/// The JSON type name as a value of a catalog message (problem.type.*), rendered in the
/// message's language.
text::MessageArg type_arg(const json& j);

}  // namespace cadresim::scenario
