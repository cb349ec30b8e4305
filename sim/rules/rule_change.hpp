#pragma once
/// @file Dated rule changes that act on the day they take effect (docs/model.md § Dated
/// changes). Most changed parameters simply apply to the next decision; a title whose
/// non-native rule becomes "required" (e.g. provincial People's Committee chairs from
/// 15 Dec 2025, Kết luận 201) also cannot keep a native holder, who is moved out on the date.

#include "sim/rules/context.hpp"

namespace cadresim::rules {

/// On the date of a dated change: every native holder of a post whose title's non-native rule
/// became "required" (under `before` it was not) moves to a vacant post of the same rank that
/// the rule allows, or, with none, out of the modelled organisation (exit cause transfer: a
/// swap with another province). The post opens and is filled under the new rule.
void apply_non_native_changes(RuleContext& ctx, const model::Organisation& before);

}  // namespace cadresim::rules
