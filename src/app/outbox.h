// Outbox: The email outbox: delivery over SMTP with retries, delivery recorded.
// (Skeleton: the contract is written with the code.)
#pragma once

#include "app/services_settings.h"
#include "app/today.h"

namespace gt::app {

class Storage;

class Outbox {
 public:
  Outbox(Storage& storage, const Today& today, const ServicesSettings& settings)
      : storage_(storage), today_(today), settings_(settings) {}

 private:
  Storage& storage_;
  const Today& today_;
  const ServicesSettings& settings_;
};

}  // namespace gt::app
