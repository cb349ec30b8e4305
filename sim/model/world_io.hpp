#pragma once
/// @file Saving and loading the mutable state of one replication (model::World) and a batch
/// of undelivered domain events, with the byte streams of sim/kernel/binary_io.hpp
/// (docs/architecture.md § Saved state). Every field is written, in declaration order; the
/// static_asserts in world_io.cpp fail when a struct grows, as a reminder to save the new
/// field and raise the snapshot format version (analysis/snapshot.hpp).

#include "sim/kernel/binary_io.hpp"     // ByteWriter, ByteReader, FormatError
#include "sim/model/domain_events.hpp"  // events::EventLog
#include "sim/model/world.hpp"          // World

namespace cadresim::model {

/// Writes every field of `world` except its scenario and organisation pointers.
void save_world(kernel::ByteWriter& w, const World& world);
/// Reads a world written by save_world into `world` (pointers untouched). `posts` is the
/// number of posts of the organisation it belongs to; every cadre, post, unit and chain
/// reference is checked to be in range. Throws kernel::FormatError.
void load_world(kernel::ByteReader& r, World& world, std::size_t posts, std::size_t units);

/// Writes a batch of domain events.
void save_events(kernel::ByteWriter& w, const events::EventLog& log);
/// Reads a batch written by save_events. Throws kernel::FormatError.
events::EventLog load_events(kernel::ByteReader& r);

}  // namespace cadresim::model
