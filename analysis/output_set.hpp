#pragma once
/// @file Writing outputs so that nothing is ever half there.
///
/// A single file goes through a temporary file beside it (flushed to disk) and a rename. A set
/// of files (the outputs of one run) is written into a hidden staging folder beside the target
/// folder, flushed, and moved into place with one rename; when an existing set is replaced, the
/// two folders are exchanged atomically (Linux renameat2 RENAME_EXCHANGE) and the old one is
/// then removed. A kill at any moment leaves at the target either the complete new set or the
/// complete previous one; what it can leave beside it is a hidden `.NAME.staging-PID` folder,
/// which the next write in that place removes once process PID is gone. Errors name the file
/// and give the system's reason (e.g. "No space left on device").

#include <sys/types.h>  // mode_t

#include <filesystem>   // std::filesystem::path
#include <string>       // std::string
#include <string_view>  // std::string_view

namespace cadresim::analysis {

/// Permissions of output files that hold nothing personal (before the umask).
inline constexpr mode_t kPublicFileMode = 0644;
/// Permissions of output files that hold cadre names (owner only).
inline constexpr mode_t kPrivateFileMode = 0600;

/// Writes `content` to `path` through a temporary file in the same folder, flushed to disk,
/// then renamed. Throws std::runtime_error naming the file and the system's reason.
void write_file_atomically(const std::filesystem::path& path, std::string_view content,
                           mode_t mode = kPublicFileMode);

/// A set of output files being written into a staging folder beside `target`.
class StagedFolder {
 public:
  /// Creates the staging folder (and the parent of `target` if needed); removes stale staging
  /// folders of `target` left by processes that no longer run. Throws std::runtime_error.
  explicit StagedFolder(std::filesystem::path target, mode_t folder_mode = 0755);
  /// Removes the staging folder unless commit() succeeded.
  ~StagedFolder();
  StagedFolder(const StagedFolder&) = delete;
  StagedFolder& operator=(const StagedFolder&) = delete;

  /// Writes one file of the set (`relative` may name a subfolder, created as needed), flushed
  /// to disk. Throws std::runtime_error with the system's reason.
  void write(const std::filesystem::path& relative, std::string_view content,
             mode_t mode = kPublicFileMode);
  /// Moves the set into place. Without `replace`, fails if the target exists; with it, an
  /// existing target folder is exchanged atomically with the new set and then removed.
  void commit(bool replace);
  /// The folder the set goes to.
  const std::filesystem::path& target() const { return target_; }
  /// The staging folder (for tests).
  const std::filesystem::path& staging() const { return staging_; }

 private:
  std::filesystem::path target_;
  std::filesystem::path staging_;
  bool committed_ = false;
};

/// Makes `link` a symbolic link to `points_to` (normally a sibling's name), replacing an
/// existing link atomically. Throws std::runtime_error.
void replace_symlink(const std::filesystem::path& link, const std::filesystem::path& points_to);

}  // namespace cadresim::analysis
