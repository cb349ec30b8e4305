#include "analysis/output_set.hpp"

#include <fcntl.h>     // open, O_* flags, renameat2 flags
#include <signal.h>    // kill
#include <stdio.h>     // renameat2, RENAME_EXCHANGE, RENAME_NOREPLACE (glibc >= 2.28)
#include <sys/stat.h>  // mkdir (is a staging folder's owner still running?)
#include <unistd.h>    // write, fsync, close, getpid

#include <fmt/core.h>  // fmt::format

#include <cerrno>        // errno
#include <cstring>       // std::strerror
#include <stdexcept>     // std::runtime_error
#include <system_error>  // std::error_code

namespace cadresim::analysis {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const std::string& what, const fs::path& path, int err) {
  throw std::runtime_error(fmt::format("{} {}: {}", what, path.string(), std::strerror(err)));
}

/// Writes all of `content` to a new file `path` (which must not exist) and flushes it to disk.
void write_new_file(const fs::path& path, std::string_view content, mode_t mode) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
  if (fd < 0) fail("cannot create", path, errno);
  std::size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      const int err = errno;
      ::close(fd);
      ::unlink(path.c_str());
      fail("cannot write", path, err);
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) {
    const int err = errno;
    ::close(fd);
    ::unlink(path.c_str());
    fail("cannot write", path, err);
  }
  if (::close(fd) != 0) {
    const int err = errno;
    ::unlink(path.c_str());
    fail("cannot write", path, err);
  }
}

/// Flushes a folder's entries (a rename inside it) to disk; best effort.
void sync_folder(const fs::path& dir) {
  const int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

fs::path parent_of(const fs::path& p) {
  return p.parent_path().empty() ? fs::path(".") : p.parent_path();
}

/// Removes `.NAME.staging-PID` and `.NAME.tmp-PID` siblings of `target` whose PID is gone.
void remove_stale(const fs::path& target) {
  const std::string name = target.filename().string();
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(parent_of(target), ec)) {
    const std::string f = entry.path().filename().string();
    for (const std::string& prefix : {"." + name + ".staging-", "." + name + ".tmp-"}) {
      if (f.rfind(prefix, 0) != 0) continue;
      const std::string pid_text = f.substr(prefix.size());
      if (pid_text.empty() || pid_text.find_first_not_of("0123456789") != std::string::npos)
        continue;
      const long pid = std::stol(pid_text);
      if (pid == ::getpid()) continue;
      if (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;  // still running
      std::error_code ignored;
      fs::remove_all(entry.path(), ignored);
    }
  }
}

}  // namespace

void write_file_atomically(const fs::path& path, std::string_view content, mode_t mode) {
  const fs::path tmp =
      parent_of(path) / fmt::format(".{}.tmp-{}", path.filename().string(), ::getpid());
  ::unlink(tmp.c_str());  // a leftover of an earlier process with the same id
  write_new_file(tmp, content, mode);
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    fail("cannot rename into", path, err);
  }
  sync_folder(parent_of(path));
}

StagedFolder::StagedFolder(fs::path target, mode_t folder_mode) : target_(std::move(target)) {
  std::error_code ec;
  const fs::path parent = parent_of(target_);
  fs::create_directories(parent, ec);
  if (ec)
    throw std::runtime_error(fmt::format("cannot create {}: {}", parent.string(), ec.message()));
  remove_stale(target_);
  staging_ = parent / fmt::format(".{}.staging-{}", target_.filename().string(), ::getpid());
  fs::remove_all(staging_, ec);
  if (::mkdir(staging_.c_str(), folder_mode) != 0) fail("cannot create", staging_, errno);
}

StagedFolder::~StagedFolder() {
  if (committed_) return;
  std::error_code ignored;
  fs::remove_all(staging_, ignored);
}

void StagedFolder::write(const fs::path& relative, std::string_view content, mode_t mode) {
  const fs::path path = staging_ / relative;
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (ec)
    throw std::runtime_error(
        fmt::format("cannot create {}: {}", path.parent_path().string(), ec.message()));
  write_new_file(path, content, mode);
}

void StagedFolder::commit(bool replace) {
  sync_folder(staging_);
  const fs::path parent = parent_of(target_);
  if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, target_.c_str(), RENAME_NOREPLACE) == 0) {
    committed_ = true;
    sync_folder(parent);
    return;
  }
  const int err = errno;
  if (err != EEXIST || !replace) {
    if (err == EEXIST)
      throw std::runtime_error(
          fmt::format("{} already exists; nothing was replaced", target_.string()));
    fail("cannot move the outputs into", target_, err);
  }
  std::error_code ec;
  if (!fs::is_directory(fs::symlink_status(target_, ec)))
    throw std::runtime_error(fmt::format("{} exists and is not a folder", target_.string()));
  // Atomic swap: afterwards the staging name holds the previous set.
  if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, target_.c_str(), RENAME_EXCHANGE) != 0)
    fail("cannot move the outputs into", target_, errno);
  committed_ = true;
  sync_folder(parent);
  fs::remove_all(staging_, ec);  // the previous set; if killed here, the next run removes it
}

void replace_symlink(const fs::path& link, const fs::path& points_to) {
  const fs::path tmp =
      parent_of(link) / fmt::format(".{}.tmp-{}", link.filename().string(), ::getpid());
  ::unlink(tmp.c_str());
  if (::symlink(points_to.c_str(), tmp.c_str()) != 0) fail("cannot create the link", tmp, errno);
  if (::rename(tmp.c_str(), link.c_str()) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    fail("cannot replace the link", link, err);
  }
  sync_folder(parent_of(link));
}

}  // namespace cadresim::analysis
