// Snapshots: the file format, its checks, and the runs that save and continue
// (docs/architecture.md § Saved state).
#include "analysis/snapshot.hpp"

#include <fmt/core.h>  // fmt::format for messages and facts

#include <fstream>   // std::ifstream
#include <iterator>  // std::istreambuf_iterator
#include <optional>  // std::optional observers

#include "analysis/event_log_csv.hpp"  // replication 0's event log
#include "analysis/output_set.hpp"     // write_file_atomically, kPrivateFileMode
#include "cadresim/version.hpp"        // kVersion
#include "sim/engine/engine.hpp"
#include "sim/kernel/binary_io.hpp"

namespace cadresim::analysis {

using kernel::ByteReader;
using kernel::ByteWriter;
using kernel::FormatError;

namespace {

// File layout: magic (8) | format version (u32 LE) | header length H (u64 LE) | body length B
// (u64 LE) | header (H) | body (B) | FNV-1a 64 (u64 LE) of everything after the magic.
constexpr std::string_view kMagic = "CADRSNAP";
constexpr std::size_t kPrefix = 8 + 4 + 8 + 8;

void put_le(std::string& out, std::uint64_t v, int bytes) {
  for (int k = 0; k < bytes; ++k) out.push_back(static_cast<char>((v >> (8 * k)) & 0xFF));
}
std::uint64_t get_le(std::string_view in, std::size_t at, int bytes) {
  std::uint64_t v = 0;
  for (int k = 0; k < bytes; ++k)
    v |= static_cast<std::uint64_t>(static_cast<std::uint8_t>(in[at + k])) << (8 * k);
  return v;
}

std::string month_day(model::MonthDay md) {
  return fmt::format("{:02}-{:02}", md.month, md.day);
}

std::string elections(const std::vector<model::Election>& list, const model::Organisation& org) {
  std::string out;
  for (const auto& e : list) {
    out += out.empty() ? "" : ", ";
    out += kernel::format_iso_date(e.date);
    for (auto l : e.levels) out += " " + org.levels[l].id;
  }
  return out.empty() ? "none" : out;
}

// A fingerprint of what identifies the posts of an organisation: levels, units (with their
// place in the tree and validity), titles, and the (unit, title) of every post.
std::string structure_hash(const model::Organisation& org) {
  ByteWriter w;
  for (const auto& l : org.levels) w.s(l.id);
  for (const auto& u : org.units) {
    w.s(u.id);
    w.u(u.level);
    w.u(u.parent);
    w.i(u.from);
    w.i(u.until);
    w.u(u.successor);
    for (const auto& [day, parent] : u.moves) {
      w.i(day);
      w.u(parent);
    }
  }
  for (const auto& t : org.titles) {
    w.s(t.id);
    w.u(t.level);
    w.u(static_cast<std::uint8_t>(t.tenure));
  }
  for (const auto& p : org.posts) {
    w.u(p.unit);
    w.u(p.title);
  }
  for (std::size_t i = 0; i < org.post_active.size(); ++i) w.b(org.post_active[i] != 0);
  return fmt::format("{:016x}", kernel::fnv1a64(w.bytes()));
}

std::string read_whole_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw SnapshotError(file.string() + ": cannot be read (no such file, or no permission)");
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw SnapshotError(file.string() + ": read error");
  return bytes;
}

}  // namespace

std::uint64_t scenario_hash(const nlohmann::json& resolved) {
  return kernel::fnv1a64(resolved.dump());
}

std::vector<std::pair<std::string, std::string>> continuation_facts(const model::Scenario& s) {
  std::vector<std::pair<std::string, std::string>> f;
  const auto& org = s.organisation;
  // The organisation first: a wrong scenario is named by its posts rather than its calendar.
  f.emplace_back("organisation size",
                 fmt::format("{} levels, {} units, {} titles, {} posts", org.levels.size(),
                             org.units.size(), org.titles.size(), org.posts.size()));
  f.emplace_back("organisation at the start", structure_hash(org));
  f.emplace_back("start date", kernel::format_iso_date(s.calendar.start));
  f.emplace_back("end date", kernel::format_iso_date(s.calendar.end));
  f.emplace_back("party congresses", elections(s.calendar.party_congresses, org));
  f.emplace_back("state elections", elections(s.calendar.state_elections, org));
  std::string epochs;
  for (const auto& e : s.epochs)
    epochs += fmt::format("{}{}{}", epochs.empty() ? "" : ", ", kernel::format_iso_date(e.date),
                          e.structure >= 0 ? " (structural event)" : "");
  f.emplace_back("dates of structural events and dated changes", epochs.empty() ? "none" : epochs);
  for (const auto& e : s.epochs)
    f.emplace_back("organisation from " + kernel::format_iso_date(e.date),
                   structure_hash(e.scenario->organisation));
  std::string script;
  for (const auto& m : s.script)
    script += (script.empty() ? "" : ", ") + kernel::format_iso_date(m.date);
  f.emplace_back("scripted moves", script.empty() ? "none" : script);
  std::string plans =
      s.rotation.flows.empty() ? "none" : "every " + month_day(s.rotation.plan_date);
  for (auto d : s.rotation.extra_plan_dates) plans += ", " + kernel::format_iso_date(d);
  f.emplace_back("rotation plan dates", plans);
  f.emplace_back("evaluation date", month_day(s.evaluation.date));
  f.emplace_back("planning review date", month_day(s.succession.review_date));
  f.emplace_back("personnel preparation (months before an election)",
                 fmt::format("{} to {}", s.terms.preparation_start_months_before,
                             s.terms.preparation_end_months_before));
  f.emplace_back("pools", s.pools.states.empty()
                              ? "none"
                              : fmt::format("{} states, step {:02}-{:02}", s.pools.states.size(),
                                            s.pools.step_month, s.pools.step_day));
  f.emplace_back("staffing",
                 s.staffing.enabled ? "step " + month_day(s.staffing.step_date) : "off");
  return f;
}

std::string encode_snapshot(const Snapshot& snap) {
  const SnapshotHeader& h = snap.header;
  ByteWriter hw;
  hw.s(h.cadresim_version);
  hw.s(h.scenario_name);
  hw.fixed64(h.scenario_hash);
  hw.u(h.seed);
  hw.u(h.replications);
  hw.i(h.date);
  hw.b(h.with_names);
  hw.u(h.facts.size());
  for (const auto& [what, value] : h.facts) {
    hw.s(what);
    hw.s(value);
  }
  hw.u(h.post_labels.size());
  for (const auto& l : h.post_labels) hw.s(l);
  // The body is written straight after the header (no second copy of the states in memory).
  std::size_t states = 0;
  for (const auto& r : snap.replications) states += r.size() + 10;
  std::string out(kMagic);
  out.reserve(kPrefix + hw.bytes().size() + states + snap.event_log.size() + 40);
  put_le(out, kSnapshotFormat, 4);
  put_le(out, hw.bytes().size(), 8);
  put_le(out, 0, 8);  // body length, patched below
  out += hw.bytes();
  const std::size_t body = out.size();
  ByteWriter lengths;  // varint lengths, as ByteWriter::s writes them
  auto append = [&](std::string_view bytes) {
    lengths = ByteWriter();
    lengths.u(bytes.size());
    out += lengths.bytes();
    out += bytes;
  };
  lengths.u(snap.replications.size());
  out += lengths.bytes();
  for (const auto& r : snap.replications) append(r);
  append(snap.event_log);
  std::string blen;
  put_le(blen, out.size() - body, 8);
  out.replace(20, 8, blen);
  put_le(out, kernel::fnv1a64(std::string_view(out).substr(kMagic.size())), 8);
  return out;
}

Snapshot decode_snapshot(std::string_view bytes, const std::string& file) {
  auto fail = [&](const std::string& what) { return SnapshotError(file + ": " + what); };
  if (bytes.size() < kMagic.size() || bytes.substr(0, kMagic.size()) != kMagic)
    throw fail("not a cadresim snapshot (it does not start with the snapshot signature)");
  if (bytes.size() < kPrefix)
    throw fail(
        fmt::format("truncated: {} bytes, shorter than the snapshot's fixed header", bytes.size()));
  const auto version = static_cast<std::uint32_t>(get_le(bytes, 8, 4));
  if (version != kSnapshotFormat)
    throw fail(fmt::format(
        "snapshot format version {}, but this cadresim ({}) reads version {} only; continue it "
        "with the cadresim that wrote it, or save the state again",
        version, kVersion, kSnapshotFormat));
  const std::uint64_t hlen = get_le(bytes, 12, 8), blen = get_le(bytes, 20, 8);
  if (hlen > bytes.size() || blen > bytes.size() || kPrefix + hlen + blen + 8 > bytes.size())
    throw fail(fmt::format("truncated: {} bytes, the snapshot says {}", bytes.size(),
                           hlen <= bytes.size() && blen <= bytes.size()
                               ? std::to_string(kPrefix + hlen + blen + 8)
                               : std::string("more")));
  const std::size_t end = kPrefix + hlen + blen;
  if (bytes.size() != end + 8)
    throw fail(
        fmt::format("{} unexpected bytes after the end of the snapshot", bytes.size() - end - 8));
  const std::uint64_t stored = get_le(bytes, end, 8);
  if (kernel::fnv1a64(bytes.substr(kMagic.size(), end - kMagic.size())) != stored)
    throw fail(
        "corrupted: the checksum does not match the contents (the file was changed or "
        "damaged after it was written)");
  Snapshot snap;
  try {
    SnapshotHeader& h = snap.header;
    ByteReader hr(bytes.substr(kPrefix, hlen));
    h.format = version;
    h.cadresim_version = hr.s();
    h.scenario_name = hr.s();
    h.scenario_hash = hr.fixed64();
    h.seed = hr.u();
    h.replications = hr.u();
    if (h.replications == 0) throw FormatError("no replications");
    h.date = hr.i32();
    h.with_names = hr.b();
    h.facts.resize(hr.count(2));
    for (auto& [what, value] : h.facts) {
      what = hr.s();
      value = hr.s();
    }
    h.post_labels.resize(hr.count(1));
    for (auto& l : h.post_labels) l = hr.s();
    if (!hr.at_end()) throw FormatError("unexpected bytes after the header");
    ByteReader br(bytes.substr(kPrefix + hlen, blen));
    snap.replications.resize(br.count(1));
    if (snap.replications.size() != h.replications)
      throw FormatError(fmt::format("{} replications saved, the header says {}",
                                    snap.replications.size(), h.replications));
    for (auto& r : snap.replications) r = br.s();
    snap.event_log = br.s();
    if (!br.at_end()) throw FormatError("unexpected bytes after the body");
  } catch (const FormatError& e) {
    throw fail(std::string("malformed snapshot: ") + e.what());
  }
  return snap;
}

Snapshot read_snapshot(const std::filesystem::path& file) {
  return decode_snapshot(read_whole_file(file), file.string());
}

void write_snapshot(const std::filesystem::path& file, const Snapshot& snapshot) {
  write_file_atomically(file, encode_snapshot(snapshot), kPrivateFileMode);
}

std::string continuation_problem(const SnapshotHeader& h, const model::Scenario& s,
                                 const std::string& file, const std::string& source) {
  const auto facts = continuation_facts(s);
  const auto prefix = fmt::format("{}: cannot continue with {}: ", file, source);
  for (std::size_t i = 0; i < std::max(facts.size(), h.facts.size()); ++i) {
    if (i < facts.size() && i < h.facts.size() && facts[i] == h.facts[i]) continue;
    if (i >= facts.size() || i >= h.facts.size() || facts[i].first != h.facts[i].first)
      return prefix + "its dated calendar or organisation differs from the snapshot's (" +
             (i < facts.size() ? facts[i].first : h.facts[i].first) + ")";
    const std::string& what = facts[i].first;
    if (what.rfind("organisation", 0) == 0) {
      const auto& org = s.organisation;
      for (model::PostId p = 0; p < std::min<std::size_t>(org.posts.size(), h.post_labels.size());
           ++p)
        if (org.post_label(p) != h.post_labels[p])
          return prefix + fmt::format(
                              "it has a different organisation: post {} is {} in the "
                              "snapshot and {} in the scenario (the posts must be the same)",
                              p, h.post_labels[p], org.post_label(p));
      if (org.posts.size() != h.post_labels.size())
        return prefix + fmt::format(
                            "it has a different organisation: {} posts in the snapshot, "
                            "{} in the scenario (the posts must be the same)",
                            h.post_labels.size(), org.posts.size());
      return prefix + fmt::format(
                          "it has a different organisation ({} differs: units, their "
                          "places in the tree or their dates are not the same)",
                          what);
    }
    return prefix + fmt::format(
                        "its {} differ from the snapshot's: {} in the snapshot, {} in "
                        "the scenario (a variant may change parameters, not the dated "
                        "calendar)",
                        what, h.facts[i].second, facts[i].second);
  }
  return {};
}

SavedRun run_and_save(const model::Scenario& scenario, const nlohmann::json& resolved,
                      const RunOptions& o, bool with_names) {
  if (o.until <= scenario.calendar.start || o.until >= scenario.calendar.end)
    throw std::invalid_argument("run_and_save: the date must lie inside the period");
  SavedRun out;
  SnapshotHeader& h = out.snapshot.header;
  h.cadresim_version = kVersion;
  h.scenario_name = scenario.name;
  h.scenario_hash = scenario_hash(resolved);
  h.seed = o.seed;
  h.replications = o.replications;
  h.date = o.until;
  h.with_names = with_names;
  h.facts = continuation_facts(scenario);
  for (model::PostId p = 0; p < scenario.organisation.posts.size(); ++p)
    h.post_labels.push_back(scenario.organisation.post_label(p));
  out.results.resize(o.replications);
  out.snapshot.replications.resize(o.replications);
  const bool finished =
      for_each_replication(o.replications, o.threads, o.progress, o.cancel, [&](std::size_t r) {
        engine::Engine engine(scenario, o.seed, r);
        MetricsCollector metrics(scenario);
        engine.add_observer(metrics);
        std::optional<EventLogCsv> log;
        if (r == 0) engine.add_observer(log.emplace(scenario, with_names));
        CancelCheck check(o.cancel);
        engine.add_observer(check);
        engine.advance(o.until);  // the month's events stay undelivered, and are saved
        ByteWriter w;
        engine.save_state(w);
        metrics.save_state(w);
        out.snapshot.replications[r] = w.take();
        out.snapshot.replications[r].shrink_to_fit();  // 100 states stay in memory until written
        if (log) out.snapshot.event_log = log->text();
        engine.run_until(o.until);  // now deliver them, and close the results as run --until
        metrics.on_finish(engine.now(), engine.world());
        out.results[r] = std::move(metrics.result());
        if (log) out.event_log = log->text();
      });
  if (!finished) throw RunCancelled{};
  return out;
}

ContinuedRun continue_from(const model::Scenario& scenario, const Snapshot& snap,
                           const std::string& file, const RunOptions& o, bool event_log) {
  const SnapshotHeader& h = snap.header;
  const kernel::Day until = o.until ? o.until : scenario.calendar.end;
  if (until <= h.date || until > scenario.calendar.end)
    throw SnapshotError(fmt::format(
        "{}: the run must end after the snapshot's date {} and not "
        "after {}",
        file, kernel::format_iso_date(h.date), kernel::format_iso_date(scenario.calendar.end)));
  ContinuedRun out;
  out.results.resize(snap.replications.size());
  const bool finished = for_each_replication(
      snap.replications.size(), o.threads, o.progress, o.cancel, [&](std::size_t r) {
        try {
          ByteReader rd(snap.replications[r]);
          engine::Engine engine(scenario, h.seed, r, rd);
          if (engine.now() != h.date)
            throw FormatError("the saved clock is not at the snapshot's date");
          MetricsCollector metrics(scenario);
          metrics.load_state(rd);
          if (!rd.at_end()) throw FormatError("unexpected bytes after the saved state");
          engine.add_observer(metrics);
          std::optional<EventLogCsv> log;
          if (r == 0 && event_log) {
            engine.add_observer(log.emplace(scenario, h.with_names));
            log->restore(snap.event_log);
          }
          CancelCheck check(o.cancel);
          engine.add_observer(check);
          engine.run_until(until);
          if (until < scenario.calendar.end) metrics.on_finish(engine.now(), engine.world());
          out.results[r] = std::move(metrics.result());
          if (log) out.event_log = log->text();
        } catch (const FormatError& e) {
          throw SnapshotError(
              fmt::format("{}: replication {}: malformed state: {}", file, r, e.what()));
        }
      });
  if (!finished) throw RunCancelled{};
  return out;
}

}  // namespace cadresim::analysis
