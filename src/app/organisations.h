// Organisations: Organisations and their members; invitations and password resets (owned by the accounts work).
// (Skeleton: the contract is written with the code.)
#pragma once

#include "app/services_settings.h"
#include "app/today.h"

namespace gt::app {

class Storage;

class Organisations {
 public:
  Organisations(Storage& storage, const Today& today, const ServicesSettings& settings)
      : storage_(storage), today_(today), settings_(settings) {}

 private:
  Storage& storage_;
  const Today& today_;
  const ServicesSettings& settings_;
};

}  // namespace gt::app
