// Passwords: argon2id hashing, the deny list loaded once, the policy per role (see passwords.h).
#include "app/passwords.h"

#include <sodium.h>

#include <cstdlib>
#include <fstream>
#include <stdexcept>

#include "app/errors.h"
#include "domain/roles.h"

namespace gt::app {

namespace {

void ensure_sodium() {
  static const int rc = sodium_init();
  if (rc < 0) throw std::runtime_error("libsodium failed to initialise");
}

PasswordDenyList load_deny_list() {
  const char* env = std::getenv("GT_PASSWORD_LIST");
  std::string path = env && *env ? env : "/usr/share/john/password.lst";
  std::ifstream in(path);
  if (!in)
    throw std::runtime_error("cannot read the list of common passwords " + path +
                             " (Debian package john-data; scripts/install-deps installs it)");
  PasswordDenyList out;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line.rfind("#!comment", 0) == 0) continue;
    for (char& c : line)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    out.insert(line);
  }
  if (out.size() < 1000) throw std::runtime_error("the list of common passwords " + path + " looks truncated");
  return out;
}

}  // namespace

std::string hash_password(const std::string& password) {
  ensure_sodium();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                            crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw std::runtime_error("out of memory hashing a password");
  return out;
}

bool verify_password(const std::string& hash, const std::string& password) {
  ensure_sodium();
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

const PasswordDenyList& common_passwords() {
  static const PasswordDenyList list = load_deny_list();
  return list;
}

std::size_t min_password_length(const std::string& role) {
  auto r = parse_role(role);
  return r && !needs_two_factor(*r) ? 10 : 12;
}

void check_new_password(const std::string& password, const std::string& email, const std::string& role,
                        const std::string& field) {
  PasswordRules rules;
  rules.min_length = min_password_length(role);
  rules.email = email;
  if (auto problem = password_problem(password, rules, common_passwords()))
    throw Error(Error::Kind::Unprocessable, field, *problem);
}

}  // namespace gt::app
