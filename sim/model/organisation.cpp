#include "sim/model/organisation.hpp"

#include <algorithm>  // std::find, std::stable_sort, std::lower_bound

namespace cadresim::model {

namespace {
// The highest unit at `level` on the path from `unit` to the root (the locality, not an agency
// placed under it at the same level), or kNoUnit.
UnitId outermost_at_level(const std::vector<Unit>& units, UnitId unit, LevelId level) {
  UnitId found = kNoUnit;
  for (; unit != kNoUnit && units[unit].level >= level; unit = units[unit].parent)
    if (units[unit].level == level) found = unit;
  return found;
}
}  // namespace

void Organisation::finalise() {
  const std::size_t nu = units.size();
  for (auto& t : titles) t.fed_by.clear();
  for (TitleId t = 0; t < titles.size(); ++t)
    for (TitleId f : titles[t].feeds) titles[f].fed_by.push_back(t);
  // Posts: every title in every unit of its level whose sector matches.
  posts.clear();
  all_posts_of_unit.assign(nu, {});
  for (UnitId u = 0; u < nu; ++u) {
    for (TitleId t = 0; t < titles.size(); ++t) {
      const Title& title = titles[t];
      if (title.level != units[u].level) continue;
      if (!title.sectors.empty() && std::find(title.sectors.begin(), title.sectors.end(),
                                              units[u].sector) == title.sectors.end())
        continue;
      for (int k = 0; k < title.posts_per_unit; ++k) {
        all_posts_of_unit[u].push_back(static_cast<PostId>(posts.size()));
        posts.push_back({t, u});
      }
    }
  }
  // Managing tiers: titles without one get the default of their level (today's rule: the
  // parent unit decides).
  for (Title& title : titles) {
    if (title.tier != kNoTier) continue;
    const std::string id = "parent-of-" + levels[title.level].id;
    TierId t = 0;
    while (t < tiers.size() && tiers[t].id != id) ++t;
    if (t == tiers.size())
      tiers.push_back({id, "Parent unit of each " + levels[title.level].name + " unit",
                       static_cast<LevelId>(title.level > 0 ? title.level - 1 : 0), true});
    title.tier = t;
  }
  activate(kBeginningOfTime);
}

void Organisation::activate(kernel::Day day) {
  const std::size_t nu = units.size();
  active_on = day;
  unit_active.assign(nu, 0);
  // Parents in force: the original parent, then the last move on or before `day`. Units
  // keep their original parent in `parent` until activated on a later day (each epoch's
  // organisation is its own copy).
  for (UnitId u = 0; u < nu; ++u) {
    unit_active[u] = units[u].in_force(day);
    for (const auto& [when, parent] : units[u].moves)
      if (when <= day) units[u].parent = parent;
  }
  children.assign(nu, {});
  units_of_level.assign(levels.size(), {});
  // The Euler tour also places ended units: below their successor, or their last parent.
  std::vector<std::vector<UnitId>> tour_children(nu);
  std::vector<std::uint8_t> tour_root(nu, 0);
  for (UnitId u = 0; u < nu; ++u) {
    if (unit_active[u]) {
      units_of_level[units[u].level].push_back(u);
      if (units[u].parent != kNoUnit) {
        children[units[u].parent].push_back(u);
        tour_children[units[u].parent].push_back(u);
      } else {
        tour_root[u] = 1;
      }
    } else if (units[u].until <= day) {
      const UnitId up = units[u].successor != kNoUnit ? units[u].successor : units[u].parent;
      if (up != kNoUnit)
        tour_children[up].push_back(u);
      else
        tour_root[u] = 1;
    } else {
      tour_root[u] = 1;  // not yet created: a tour of its own
    }
  }
  // Euler tour (iterative, so deep trees cannot overflow the stack).
  preorder_in.assign(nu, 0);
  preorder_out.assign(nu, 0);
  std::uint32_t clock = 0;
  std::vector<std::pair<UnitId, std::size_t>> stack;
  for (UnitId root = 0; root < nu; ++root) {
    if (!tour_root[root]) continue;
    stack.push_back({root, 0});
    preorder_in[root] = clock++;
    while (!stack.empty()) {
      auto& [u, next] = stack.back();
      if (next < tour_children[u].size()) {
        const UnitId c = tour_children[u][next++];
        preorder_in[c] = clock++;
        stack.push_back({c, 0});
      } else {
        preorder_out[u] = clock++;
        stack.pop_back();
      }
    }
  }
  posts_of_unit.assign(nu, {});
  posts_of_title.assign(titles.size(), {});
  post_active.assign(posts.size(), 0);
  for (PostId p = 0; p < posts.size(); ++p) {
    if (!unit_active[posts[p].unit]) continue;
    post_active[p] = 1;
    posts_of_unit[posts[p].unit].push_back(p);
    posts_of_title[posts[p].title].push_back(p);
  }
  managing_scope.assign(posts.size(), kNoUnit);
  for (PostId p = 0; p < posts.size(); ++p) {
    if (!post_active[p]) continue;
    const UnitId u = posts[p].unit;
    const ManagingTier& tier = tiers[titles[posts[p].title].tier];
    if (tier.parent_scope)
      managing_scope[p] = units[u].parent == kNoUnit ? u : units[u].parent;
    else
      managing_scope[p] = outermost_at_level(units, u, tier.level);
  }
  posts_of_title_by_tour.assign(titles.size(), {});
  tour_entry_of_title_posts.assign(titles.size(), {});
  for (TitleId t = 0; t < titles.size(); ++t) {
    auto& sorted = posts_of_title_by_tour[t];
    sorted = posts_of_title[t];
    std::stable_sort(sorted.begin(), sorted.end(), [&](PostId a, PostId b) {
      return preorder_in[posts[a].unit] < preorder_in[posts[b].unit];
    });
    auto& keys = tour_entry_of_title_posts[t];
    keys.reserve(sorted.size());
    for (PostId p : sorted) keys.push_back(preorder_in[posts[p].unit]);
  }
  title_tour_offset.assign(titles.size(), 0);
  tour_slot_of_post.assign(posts.size(), kNoTourSlot);
  std::uint32_t slot = 0;
  for (TitleId t = 0; t < titles.size(); ++t) {
    title_tour_offset[t] = slot;
    for (PostId p : posts_of_title_by_tour[t]) tour_slot_of_post[p] = slot++;
  }
  units_of_level_by_tour.assign(levels.size(), {});
  tour_entry_of_level_units.assign(levels.size(), {});
  for (std::size_t l = 0; l < levels.size(); ++l) {
    auto& sorted = units_of_level_by_tour[l];
    sorted = units_of_level[l];
    std::stable_sort(sorted.begin(), sorted.end(),
                     [&](UnitId a, UnitId b) { return preorder_in[a] < preorder_in[b]; });
    auto& keys = tour_entry_of_level_units[l];
    keys.reserve(sorted.size());
    for (UnitId u : sorted) keys.push_back(preorder_in[u]);
  }
}

namespace {
// The part of `sorted` (ordered by Euler-tour entry; `keys` are those entries) that lies in the
// tour interval [in, out] of a unit: its subtree.
template <class Id>
std::span<const Id> tour_range(const std::vector<Id>& sorted,
                               const std::vector<std::uint32_t>& keys, std::uint32_t in,
                               std::uint32_t out) {
  const auto first = std::lower_bound(keys.begin(), keys.end(), in);
  const auto last = std::upper_bound(first, keys.end(), out);
  return {sorted.data() + (first - keys.begin()), static_cast<std::size_t>(last - first)};
}
}  // namespace

std::span<const PostId> Organisation::posts_of_title_within(TitleId t, UnitId scope) const {
  if (scope == kNoUnit) return posts_of_title_by_tour[t];
  return tour_range(posts_of_title_by_tour[t], tour_entry_of_title_posts[t], preorder_in[scope],
                    preorder_out[scope]);
}

std::span<const UnitId> Organisation::units_of_level_within(LevelId level, UnitId scope) const {
  if (scope == kNoUnit) return units_of_level_by_tour[level];
  return tour_range(units_of_level_by_tour[level], tour_entry_of_level_units[level],
                    preorder_in[scope], preorder_out[scope]);
}

std::size_t Organisation::units_of_level_outside_count(UnitId unit) const {
  const LevelId level = units[unit].level;
  return units_of_level[level].size() - units_of_level_within(level, unit).size();
}

UnitId Organisation::unit_of_level_outside(UnitId unit, std::size_t k) const {
  const auto& peers = units_of_level[units[unit].level];  // in id order
  const auto inside = units_of_level_within(units[unit].level, unit);
  // Positions of the subtree's units among the peers, ascending; each one at or before the
  // running index pushes the k-th outside unit one place further.
  std::vector<std::size_t> skipped;
  skipped.reserve(inside.size());
  for (UnitId v : inside)
    skipped.push_back(
        static_cast<std::size_t>(std::lower_bound(peers.begin(), peers.end(), v) - peers.begin()));
  std::sort(skipped.begin(), skipped.end());
  std::size_t index = k;
  for (std::size_t pos : skipped)
    if (pos <= index) ++index;
  return peers[index];
}

UnitId Organisation::ancestor_at_level(UnitId unit, LevelId level) const {
  while (unit != kNoUnit && units[unit].level != level) {
    if (units[unit].level < level) return kNoUnit;
    unit = units[unit].parent;
  }
  return unit;
}

int Organisation::find_level(const std::string& id) const {
  for (std::size_t i = 0; i < levels.size(); ++i)
    if (levels[i].id == id) return static_cast<int>(i);
  return -1;
}

UnitId Organisation::find_unit(const std::string& id) const {
  for (UnitId i = 0; i < units.size(); ++i)
    if (units[i].id == id) return i;
  return kNoUnit;
}

TitleId Organisation::find_title(const std::string& id) const {
  for (TitleId i = 0; i < titles.size(); ++i)
    if (titles[i].id == id) return i;
  return kNoTitle;
}

PostId Organisation::find_post(UnitId unit, TitleId title, int nth) const {
  if (unit >= all_posts_of_unit.size()) return kNoPost;
  for (PostId p : all_posts_of_unit[unit])
    if (posts[p].title == title && nth-- == 0) return p;
  return kNoPost;
}

std::string Organisation::post_label(PostId p) const {
  const Post& post = posts[p];
  std::string label = units[post.unit].id + "/" + titles[post.title].id;
  int nth = 0;
  for (PostId q : all_posts_of_unit[post.unit]) {
    if (q == p) break;
    if (posts[q].title == post.title) ++nth;
  }
  if (nth > 0) label.append("#").append(std::to_string(nth));
  return label;
}

}  // namespace cadresim::model
