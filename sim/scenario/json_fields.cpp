#include "sim/scenario/json_fields.hpp"

#include <fmt/core.h>  // fmt::format

#include <algorithm>  // std::find
#include <cmath>      // std::isfinite

namespace cadresim::scenario {

std::string pointer_token(const std::string& key) {
  std::string t;
  for (char c : key) {
    if (c == '~')
      t += "~0";
    else if (c == '/')
      t += "~1";
    else
      t += c;
  }
  return t;
}

text::MessageArg type_arg(const json& j) {
  switch (j.type()) {
    case json::value_t::null:
      return text::text_arg("problem.type.null");
    case json::value_t::boolean:
      return text::text_arg("problem.type.boolean");
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
      return text::text_arg("problem.type.integer");
    case json::value_t::number_float:
      return text::text_arg("problem.type.number");
    case json::value_t::string:
      return text::text_arg("problem.type.string");
    case json::value_t::array:
      return text::text_arg("problem.type.array");
    case json::value_t::object:
      return text::text_arg("problem.type.object");
    default:
      return text::text_arg("problem.type.unsupported");
  }
}

std::string type_name(const json& j) {
  return std::string(text::tr(text::Lang::kEn, type_arg(j).value));
}

namespace {
std::string show(double v) {
  return fmt::format("{:g}", v);
}
}  // namespace

FieldReader::FieldReader(const json* in, json& out, std::string pointer, Problems& problems)
    : in_(in), out_(out), pointer_(std::move(pointer)), problems_(problems) {
  if (in_ != nullptr && !in_->is_object()) {
    problems_.add(pointer_.empty() ? "/" : pointer_,
                  text::message("problem.must_be_object", type_arg(*in_)));
    in_ = nullptr;
    bad_type_ = true;
  }
  if (!out_.is_object()) out_ = json::object();
  allow("$comment");
  if (in_ != nullptr && in_->contains("$comment")) out_["$comment"] = (*in_)["$comment"];
}

const json* FieldReader::lookup(const std::string& key) {
  known_.push_back(key);
  if (in_ == nullptr) return nullptr;
  auto it = in_->find(key);
  return it == in_->end() ? nullptr : &*it;
}

bool FieldReader::has(const std::string& key) {
  return lookup(key) != nullptr;
}

const json* FieldReader::raw(const std::string& key) {
  return lookup(key);
}

void FieldReader::number(const std::string& key, double& value, double lo, double hi) {
  if (const json* j = lookup(key)) {
    if (!j->is_number()) {
      problems_.add(at(key), text::message("problem.must_be_number", type_arg(*j)));
    } else {
      const double v = j->get<double>();
      if (!std::isfinite(v) || v < lo || v > hi)
        problems_.add(at(key), text::message("problem.between", show(lo), show(hi), show(v)));
      else
        value = v;
    }
  }
  out_[key] = value;
}

void FieldReader::integer(const std::string& key, int& value, int lo, int hi) {
  if (const json* j = lookup(key)) {
    if (!j->is_number_integer() &&
        !(j->is_number_float() &&
          j->get<double>() == static_cast<double>(static_cast<long long>(j->get<double>())))) {
      problems_.add(at(key),
                    text::message("problem.must_be_whole",
                                  j->is_number() ? text::MessageArg{j->dump()} : type_arg(*j)));
    } else {
      const double v = j->get<double>();
      if (v < lo || v > hi)
        problems_.add(at(key), text::message("problem.between", lo, hi, j->dump()));
      else
        value = static_cast<int>(v);
    }
  }
  out_[key] = value;
}

void FieldReader::boolean(const std::string& key, bool& value) {
  if (const json* j = lookup(key)) {
    if (!j->is_boolean())
      problems_.add(at(key), text::message("problem.must_be_boolean", type_arg(*j)));
    else
      value = j->get<bool>();
  }
  out_[key] = value;
}

void FieldReader::string(const std::string& key, std::string& value, bool required) {
  const json* j = lookup(key);
  if (j == nullptr) {
    if (required && !bad_type_) problems_.add(at(key), text::message("problem.required"));
  } else if (!j->is_string()) {
    problems_.add(at(key), text::message("problem.must_be_string", type_arg(*j)));
  } else if (required && j->get_ref<const std::string&>().empty()) {
    problems_.add(at(key), text::message("problem.not_empty"));
  } else {
    value = j->get<std::string>();
  }
  if (j != nullptr || !value.empty()) out_[key] = value;
}

void FieldReader::choice(const std::string& key, std::string& value,
                         const std::vector<std::string>& choices) {
  std::string v = value;
  string(key, v);
  if (std::find(choices.begin(), choices.end(), v) == choices.end()) {
    std::string list;
    for (const auto& c : choices) list += (list.empty() ? "" : ", ") + ("\"" + c + "\"");
    const std::string near = closest_match(v, choices);
    problems_.add(at(key), near.empty()
                               ? text::message("problem.one_of", list, v)
                               : text::message("problem.one_of_did_you_mean", list, v, near));
  } else {
    value = v;
  }
  out_[key] = value;
}

void FieldReader::date(const std::string& key, kernel::Day& value, bool required) {
  const json* j = lookup(key);
  if (j == nullptr) {
    if (required && !bad_type_) problems_.add(at(key), text::message("problem.required_date"));
  } else if (!j->is_string()) {
    problems_.add(at(key), text::message("problem.must_be_date", type_arg(*j)));
  } else if (auto d = kernel::parse_iso_date(j->get_ref<const std::string&>())) {
    value = *d;
  } else {
    problems_.add(at(key), text::message("problem.invalid_date", j->get<std::string>()));
  }
  out_[key] = kernel::format_iso_date(value);
}

void FieldReader::month_day(const std::string& key, model::MonthDay& value) {
  if (const json* j = lookup(key)) {
    bool ok = false;
    if (j->is_string()) {
      const std::string& s = j->get_ref<const std::string&>();
      // Validate against a leap year so 02-29 is allowed (it fires on 28 Feb otherwise).
      if (s.size() == 5 && s[2] == '-') {
        if (auto d = kernel::parse_iso_date("2024-" + s)) {
          const auto ymd = kernel::split(*d);
          value = {ymd.month, ymd.day};
          ok = true;
        }
      }
    }
    if (!ok) problems_.add(at(key), text::message("problem.annual_date", j->dump()));
  }
  out_[key] = fmt::format("{:02}-{:02}", value.month, value.day);
}

model::Distribution read_distribution(const json& j, json& out, const std::string& pointer,
                                      Problems& problems, double lo, double hi,
                                      const model::Distribution& fallback) {
  model::Distribution d = fallback;
  if (j.is_number()) {  // a plain number is a fixed value
    const double v = j.get<double>();
    if (v < lo || v > hi)
      problems.add(pointer, text::message("problem.between", show(lo), show(hi), show(v)));
    else
      d = model::Distribution::fixed(v);
    out = v;
    return d;
  }
  FieldReader r(&j, out, pointer, problems);
  std::string kind = "normal";
  switch (fallback.kind) {
    case model::DistributionKind::kFixed:
      kind = "fixed";
      break;
    case model::DistributionKind::kUniform:
      kind = "uniform";
      break;
    case model::DistributionKind::kNormal:
      kind = "normal";
      break;
    case model::DistributionKind::kLognormal:
      kind = "lognormal";
      break;
    case model::DistributionKind::kExponential:
      kind = "exponential";
      break;
  }
  r.choice("distribution", kind, {"fixed", "uniform", "normal", "lognormal", "exponential"});
  d.kind = kind == "fixed"       ? model::DistributionKind::kFixed
           : kind == "uniform"   ? model::DistributionKind::kUniform
           : kind == "normal"    ? model::DistributionKind::kNormal
           : kind == "lognormal" ? model::DistributionKind::kLognormal
                                 : model::DistributionKind::kExponential;
  const bool has_min = r.has("min"), has_max = r.has("max");
  d.min = has_min ? d.min : std::max(fallback.min, lo);
  d.max = has_max ? d.max : std::min(fallback.max, hi);
  if (d.kind != model::DistributionKind::kUniform) r.number("mean", d.mean, lo, hi);
  if (d.kind == model::DistributionKind::kNormal || d.kind == model::DistributionKind::kLognormal)
    r.number("sd", d.sd, 0, hi - lo > 0 ? hi - lo : 1e300);
  r.number("min", d.min, lo, hi);
  r.number("max", d.max, lo, hi);
  if (d.kind == model::DistributionKind::kUniform && !(has_min && has_max))
    problems.add(pointer, text::message("problem.uniform_needs_min_max"));
  if (d.min > d.max)
    problems.add(pointer + "/min", text::message("problem.min_over_max", show(d.min), show(d.max)));
  if ((d.kind == model::DistributionKind::kLognormal ||
       d.kind == model::DistributionKind::kExponential) &&
      d.mean <= 0)
    problems.add(pointer + "/mean", text::message("problem.positive_for_distribution", kind));
  if (d.kind == model::DistributionKind::kFixed) d.min = d.max = d.mean;
  r.finish();
  return d;
}

void FieldReader::distribution(const std::string& key, model::Distribution& value, double lo,
                               double hi) {
  if (const json* j = lookup(key)) {
    if (!j->is_object() && !j->is_number()) {
      problems_.add(at(key), text::message("problem.number_or_distribution", type_arg(*j)));
    } else {
      value = read_distribution(*j, out_[key], at(key), problems_, lo, hi, value);
      return;
    }
  }
  json& o = out_[key];
  o = json::object();
  switch (value.kind) {
    case model::DistributionKind::kFixed:
      o = value.mean;
      return;
    case model::DistributionKind::kUniform:
      o["distribution"] = "uniform";
      break;
    case model::DistributionKind::kNormal:
      o["distribution"] = "normal";
      break;
    case model::DistributionKind::kLognormal:
      o["distribution"] = "lognormal";
      break;
    case model::DistributionKind::kExponential:
      o["distribution"] = "exponential";
      break;
  }
  if (value.kind != model::DistributionKind::kUniform) o["mean"] = value.mean;
  if (value.sd > 0) o["sd"] = value.sd;
  if (value.min > -1e299) o["min"] = value.min;
  if (value.max < 1e299) o["max"] = value.max;
}

FieldReader FieldReader::object(const std::string& key) {
  const json* j = lookup(key);
  if (j != nullptr && !j->is_object()) {
    problems_.add(at(key), text::message("problem.must_be_object", type_arg(*j)));
    j = nullptr;
  }
  return FieldReader(j, out_[key], at(key), problems_);
}

const json* FieldReader::array(const std::string& key, bool required) {
  const json* j = lookup(key);
  if (j == nullptr) {
    if (required && !bad_type_) problems_.add(at(key), text::message("problem.required_array"));
    return nullptr;
  }
  if (!j->is_array()) {
    problems_.add(at(key), text::message("problem.must_be_array", type_arg(*j)));
    return nullptr;
  }
  return j;
}

void FieldReader::finish() {
  if (in_ == nullptr) return;
  for (const auto& [key, value] : in_->items()) {
    if (std::find(known_.begin(), known_.end(), key) != known_.end()) continue;
    const std::string near = closest_match(key, known_);
    problems_.add(at(key), near.empty()
                               ? text::message("problem.unknown_key", key)
                               : text::message("problem.unknown_key_did_you_mean", key, near));
  }
}

}  // namespace cadresim::scenario
