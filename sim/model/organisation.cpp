#include "sim/model/organisation.hpp"

#include <algorithm>  // std::find

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
  children.assign(nu, {});
  units_of_level.assign(levels.size(), {});
  for (UnitId u = 0; u < nu; ++u) {
    if (units[u].parent != kNoUnit) children[units[u].parent].push_back(u);
    units_of_level[units[u].level].push_back(u);
  }
  // Euler tour (iterative, so deep trees cannot overflow the stack).
  preorder_in.assign(nu, 0);
  preorder_out.assign(nu, 0);
  std::uint32_t clock = 0;
  std::vector<std::pair<UnitId, std::size_t>> stack;
  for (UnitId root = 0; root < nu; ++root) {
    if (units[root].parent != kNoUnit) continue;
    stack.push_back({root, 0});
    preorder_in[root] = clock++;
    while (!stack.empty()) {
      auto& [u, next] = stack.back();
      if (next < children[u].size()) {
        const UnitId c = children[u][next++];
        preorder_in[c] = clock++;
        stack.push_back({c, 0});
      } else {
        preorder_out[u] = clock++;
        stack.pop_back();
      }
    }
  }
  for (auto& t : titles) t.fed_by.clear();
  for (TitleId t = 0; t < titles.size(); ++t)
    for (TitleId f : titles[t].feeds) titles[f].fed_by.push_back(t);
  // Posts: every title in every unit of its level whose sector matches.
  posts.clear();
  posts_of_unit.assign(nu, {});
  posts_of_title.assign(titles.size(), {});
  for (UnitId u = 0; u < nu; ++u) {
    for (TitleId t = 0; t < titles.size(); ++t) {
      const Title& title = titles[t];
      if (title.level != units[u].level) continue;
      if (!title.sectors.empty() && std::find(title.sectors.begin(), title.sectors.end(),
                                              units[u].sector) == title.sectors.end())
        continue;
      for (int k = 0; k < title.posts_per_unit; ++k) {
        const PostId p = static_cast<PostId>(posts.size());
        posts.push_back({t, u});
        posts_of_unit[u].push_back(p);
        posts_of_title[t].push_back(p);
      }
    }
  }
  // Managing tiers: titles without one get the default of their level (today's rule: the
  // parent unit decides), then every post gets its scope.
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
  managing_scope.assign(posts.size(), kNoUnit);
  for (PostId p = 0; p < posts.size(); ++p) {
    const UnitId u = posts[p].unit;
    const ManagingTier& tier = tiers[titles[posts[p].title].tier];
    if (tier.parent_scope)
      managing_scope[p] = units[u].parent == kNoUnit ? u : units[u].parent;
    else
      managing_scope[p] = outermost_at_level(units, u, tier.level);
  }
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
  if (unit >= posts_of_unit.size()) return kNoPost;
  for (PostId p : posts_of_unit[unit])
    if (posts[p].title == title && nth-- == 0) return p;
  return kNoPost;
}

std::string Organisation::post_label(PostId p) const {
  const Post& post = posts[p];
  std::string label = units[post.unit].id + "/" + titles[post.title].id;
  int nth = 0;
  for (PostId q : posts_of_unit[post.unit]) {
    if (q == p) break;
    if (posts[q].title == post.title) ++nth;
  }
  if (nth > 0) label.append("#").append(std::to_string(nth));
  return label;
}

}  // namespace cadresim::model
