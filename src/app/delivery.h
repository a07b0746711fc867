// Delivery: Provision delivery: what was delivered against each provision line, shortfalls and alerts.
//
// Contract: (to be written by its author - what the code promises, in a few lines)
#pragma once

#include "app/accounts.h"
#include "app/services_settings.h"
#include "app/today.h"

namespace gt::app {

class Storage;
class Casework;
class Plans;

class Delivery {
 public:
  Delivery(Storage& storage, const Today& today, const ServicesSettings& settings, Casework& casework, Plans& plans)
      : storage_(storage), today_(today), settings_(settings), casework_(casework), plans_(plans) {}

 private:
  [[maybe_unused]] Storage& storage_;
  [[maybe_unused]] const Today& today_;
  [[maybe_unused]] const ServicesSettings& settings_;
  [[maybe_unused]] Casework& casework_;
  [[maybe_unused]] Plans& plans_;
};

}  // namespace gt::app
