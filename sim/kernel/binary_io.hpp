#pragma once
/// @file Byte streams for saved state (docs/architecture.md § Saved state): a writer that
/// appends explicit little-endian fields to a string and a bounds-checked reader over bytes.
/// Unsigned integers are LEB128 varints (7 bits a byte, low bits first), signed ones are
/// zig-zag varints, doubles are their IEEE-754 bits as 8 little-endian bytes (exact, so a
/// continued run computes with the very same values), strings are a varint length and bytes.
/// Knows nothing of what is written; each layer serialises its own state with it.

#include <bit>          // std::bit_cast
#include <cstddef>      // std::size_t
#include <cstdint>      // fixed-width integers
#include <stdexcept>    // std::runtime_error
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <type_traits>  // std::is_signed_v

namespace cadresim::kernel {

/// Thrown by ByteReader when the bytes do not hold what is read (truncated or malformed).
class FormatError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Appends fields to a byte string.
class ByteWriter {
 public:
  /// An unsigned integer as a varint.
  void u(std::uint64_t v) {
    while (v >= 0x80) {
      out_.push_back(static_cast<char>((v & 0x7F) | 0x80));
      v >>= 7;
    }
    out_.push_back(static_cast<char>(v));
  }
  /// A signed integer as a zig-zag varint.
  void i(std::int64_t v) {
    u((static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63));
  }
  /// A double, bit for bit.
  void f(double v) { fixed64(std::bit_cast<std::uint64_t>(v)); }
  /// A double that is often a small whole number (a count): such a number n in [0, 2^62) is
  /// the varint 2n, anything else the varint 1 and the IEEE bits. Exact either way.
  void fc(double v) {
    if (v >= 0 && v < 0x1.0p62 && v == static_cast<double>(static_cast<std::uint64_t>(v)) &&
        std::bit_cast<std::uint64_t>(v) != std::bit_cast<std::uint64_t>(-0.0)) {
      u(static_cast<std::uint64_t>(v) << 1);
    } else {
      u(1);
      f(v);
    }
  }
  /// A boolean as one byte.
  void b(bool v) { out_.push_back(v ? '\1' : '\0'); }
  /// Eight little-endian bytes.
  void fixed64(std::uint64_t v) {
    for (int k = 0; k < 8; ++k) out_.push_back(static_cast<char>((v >> (8 * k)) & 0xFF));
  }
  /// A length-prefixed string.
  void s(std::string_view v) {
    u(v.size());
    out_.append(v);
  }
  /// Raw bytes, no length.
  void raw(std::string_view v) { out_.append(v); }
  /// The bytes written so far.
  const std::string& bytes() const { return out_; }
  /// Moves the bytes out.
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

/// Reads fields written by ByteWriter; throws FormatError rather than reading past the end.
class ByteReader {
 public:
  /// Reads from `bytes` (not owned; must outlive the reader).
  explicit ByteReader(std::string_view bytes) : in_(bytes) {}

  std::uint64_t u() {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      const auto byte = static_cast<std::uint8_t>(next());
      v |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
      if ((byte & 0x80) == 0) return v;
    }
    throw FormatError("malformed integer at byte " + std::to_string(pos_));
  }
  std::int64_t i() {
    const std::uint64_t z = u();
    return static_cast<std::int64_t>((z >> 1) ^ (~(z & 1) + 1));
  }
  double f() { return std::bit_cast<double>(fixed64()); }
  /// A double written by ByteWriter::fc.
  double fc() {
    const std::uint64_t tag = u();
    if (tag == 1) return f();
    if (tag & 1) throw FormatError("malformed number at byte " + std::to_string(pos_));
    return static_cast<double>(tag >> 1);
  }
  bool b() {
    const char c = next();
    if (c != 0 && c != 1) throw FormatError("malformed flag at byte " + std::to_string(pos_));
    return c == 1;
  }
  std::uint64_t fixed64() {
    std::uint64_t v = 0;
    for (int k = 0; k < 8; ++k)
      v |= static_cast<std::uint64_t>(static_cast<std::uint8_t>(next())) << (8 * k);
    return v;
  }
  std::string s() { return std::string(raw(count(1))); }
  /// `n` raw bytes.
  std::string_view raw(std::size_t n) {
    if (n > in_.size() - pos_)
      throw FormatError("ends early (at byte " + std::to_string(pos_) + ")");
    const std::string_view v = in_.substr(pos_, n);
    pos_ += n;
    return v;
  }
  /// A count of elements of at least `min_bytes` each, checked against the bytes left (so a
  /// corrupted count cannot make the caller allocate without bound).
  std::size_t count(std::size_t min_bytes = 1) {
    const std::uint64_t n = u();
    if (min_bytes > 0 && n > (in_.size() - pos_) / min_bytes)
      throw FormatError("count " + std::to_string(n) + " larger than the bytes left at byte " +
                        std::to_string(pos_));
    return static_cast<std::size_t>(n);
  }
  /// An unsigned integer that must fit `T` (an enum's or a narrow field's type).
  template <class T>
  T narrow() {
    const std::uint64_t v = u();
    if constexpr (std::is_signed_v<T>) {
      static_assert(sizeof(T) == 0, "use i() for signed fields");
    } else if (v > static_cast<std::uint64_t>(static_cast<T>(~T{}))) {
      throw FormatError("value " + std::to_string(v) + " out of range at byte " +
                        std::to_string(pos_));
    }
    return static_cast<T>(v);
  }
  /// A signed integer that must fit in 32 bits.
  std::int32_t i32() {
    const std::int64_t v = i();
    if (v < INT32_MIN || v > INT32_MAX)
      throw FormatError("value " + std::to_string(v) + " out of range at byte " +
                        std::to_string(pos_));
    return static_cast<std::int32_t>(v);
  }
  /// Bytes read so far.
  std::size_t position() const { return pos_; }
  /// True when every byte was read.
  bool at_end() const { return pos_ == in_.size(); }

 private:
  char next() {
    if (pos_ >= in_.size()) throw FormatError("ends early (at byte " + std::to_string(pos_) + ")");
    return in_[pos_++];
  }
  std::string_view in_;
  std::size_t pos_ = 0;
};

/// FNV-1a 64-bit hash of `bytes` (checksums and fingerprints; not cryptographic).
inline std::uint64_t fnv1a64(std::string_view bytes, std::uint64_t h = 0xcbf29ce484222325ull) {
  for (const char c : bytes) {
    h ^= static_cast<std::uint8_t>(c);
    h *= 0x100000001b3ull;
  }
  return h;
}

}  // namespace cadresim::kernel
