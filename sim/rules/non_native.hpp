#pragma once
/// @file The non-native rule (docs/model.md § Non-native rule): titles flagged "required" may
/// only be held by a cadre whose home unit lies outside the post's unit and its sub-units;
/// "preferred" titles go to natives only when no non-native candidate exists.

#include "sim/model/cadre.hpp"
#include "sim/model/organisation.hpp"

namespace cadresim::rules {

/// True if the cadre is a native of the post's unit (home unit inside its subtree).
inline bool is_native(const model::Organisation& org, const model::Cadre& c, model::PostId post) {
  return c.home_unit != model::kNoUnit && org.within(c.home_unit, org.posts[post].unit);
}
/// True if the non-native rule allows the cadre to hold the post.
inline bool non_native_allows(const model::Organisation& org, const model::Cadre& c,
                              model::PostId post) {
  return org.title_of(post).non_native != model::NonNativeRule::kRequired ||
         !is_native(org, c, post);
}
/// Ranking bonus under the rule: "preferred" titles rank non-natives first.
inline double non_native_preference(const model::Organisation& org, const model::Cadre& c,
                                    model::PostId post) {
  return org.title_of(post).non_native == model::NonNativeRule::kPreferred &&
                 !is_native(org, c, post)
             ? 1.0
             : 0.0;
}

}  // namespace cadresim::rules
