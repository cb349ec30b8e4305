#pragma once
/// @file Dated rule changes and structural events that act on the day they take effect
/// (docs/model.md § Dated changes). Most changed parameters simply apply to the next decision;
/// a title whose non-native rule becomes "required" (e.g. provincial People's Committee chairs
/// from 15 Dec 2025, Kết luận 201), or a unit that moves under the holder's home district,
/// cannot keep a native holder, who is moved out on the date.

#include "sim/rules/context.hpp"

namespace cadresim::rules {

/// On the date of a dated change or a structural event: every native holder of a post whose
/// title requires a non-native — because the rule became "required" that day, or because a
/// unit moved or merged so that the holder's home now lies inside the post's unit — moves to a
/// vacant post of the same rank that the rule allows, or, with none, out of the modelled
/// organisation (exit cause transfer: a swap with another province). The post opens and is
/// filled under the rule. (Before the date no native holds such a post: an invariant.)
void move_out_natives(RuleContext& ctx);

}  // namespace cadresim::rules
