// Schools: Schools: pupils on roll, their SEN support record and graduated approach, requests for assessment, review contributions.
// (Skeleton: the contract is written with the code.)
#pragma once

#include "app/services_settings.h"
#include "app/today.h"

namespace gt::app {

class Storage;

class Schools {
 public:
  Schools(Storage& storage, const Today& today, const ServicesSettings& settings)
      : storage_(storage), today_(today), settings_(settings) {}

 private:
  Storage& storage_;
  const Today& today_;
  const ServicesSettings& settings_;
};

}  // namespace gt::app
