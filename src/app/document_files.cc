// Document files: content-addressed, atomically written (see document_files.h).
#include "app/document_files.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>

namespace gt::app {

namespace {

[[noreturn]] void fail(const std::string& what) {
  throw std::runtime_error("document store: " + what + ": " + std::strerror(errno));
}

void make_dir(const std::string& path) {
  if (::mkdir(path.c_str(), 0700) != 0 && errno != EEXIST) fail("cannot create a directory");
}

void sync_dir(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

std::string sha256_hex(std::string_view bytes) {
  static const bool ready = sodium_init() >= 0;
  if (!ready) throw std::runtime_error("libsodium could not start");
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  static const char* hex = "0123456789abcdef";
  std::string out;
  out.reserve(2 * sizeof digest);
  for (unsigned char b : digest) {
    out += hex[b >> 4];
    out += hex[b & 15];
  }
  return out;
}

bool is_sha256_hex(std::string_view s) {
  if (s.size() != 64) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

std::string document_path(const std::string& dir, std::string_view sha256) {
  if (!is_sha256_hex(sha256)) throw std::invalid_argument("document store: not a SHA-256");
  return dir + "/" + std::string(sha256.substr(0, 2)) + "/" + std::string(sha256);
}

std::string store_document_file(const std::string& dir, std::string_view bytes) {
  if (dir.empty()) throw std::runtime_error("document store: no directory configured");
  std::string hash = sha256_hex(bytes);
  std::string final_path = document_path(dir, hash);
  std::string sub = dir + "/" + hash.substr(0, 2);
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) throw std::runtime_error("document store: cannot create the documents directory");
  make_dir(sub);

  struct stat st{};
  if (::stat(final_path.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
      static_cast<std::uint64_t>(st.st_size) == bytes.size())
    return hash;  // the same content, already stored

  std::string tmp = sub + "/.upload-XXXXXX";
  int fd = ::mkstemp(tmp.data());
  if (fd < 0) fail("cannot create a temporary file");
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      int saved = errno;
      ::close(fd);
      ::unlink(tmp.c_str());
      errno = saved;
      fail("cannot write");
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    int saved = errno;
    ::unlink(tmp.c_str());
    errno = saved;
    fail("cannot flush");
  }
  if (::rename(tmp.c_str(), final_path.c_str()) != 0) {
    int saved = errno;
    ::unlink(tmp.c_str());
    errno = saved;
    fail("cannot rename");
  }
  sync_dir(sub);
  return hash;
}

std::string read_document_file(const std::string& dir, std::string_view sha256) {
  std::string path = document_path(dir, sha256);
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) fail("cannot open a stored document");
  std::string out;
  char buf[65536];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      int saved = errno;
      ::close(fd);
      errno = saved;
      fail("cannot read a stored document");
    }
    if (n == 0) break;
    out.append(buf, static_cast<std::size_t>(n));
  }
  ::close(fd);
  if (sha256_hex(out) != sha256) throw std::runtime_error("document store: a stored document does not match its hash");
  return out;
}

}  // namespace gt::app
