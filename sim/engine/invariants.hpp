#pragma once
/// @file The engine's invariants (docs/model.md § Invariants), as a function any caller can use:
/// the engine checks them every month in Debug and sanitizer builds; the test suite checks them
/// on every shipped scenario in every build.

#include <string>  // std::string

#include "sim/model/world.hpp"

namespace cadresim::engine {

/// The first broken invariant of `world`, as a sentence; empty when all hold.
std::string invariant_violation(const model::World& world);

}  // namespace cadresim::engine
