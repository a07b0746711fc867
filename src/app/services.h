// Services: every use case of the application, built once over one Storage and shared by the
// web and CLI front ends. Each member is safe to use from several threads at once.
#pragma once

#include "app/accounts.h"
#include "app/advice.h"
#include "app/casework.h"
#include "app/documents.h"
#include "app/family.h"
#include "app/organisations.h"
#include "app/outbox.h"
#include "app/plans.h"
#include "app/reviews.h"
#include "app/ceasing.h"
#include "app/quality.h"
#include "app/delivery.h"
#include "app/schools.h"
#include "app/services_settings.h"
#include "app/sharing.h"
#include "app/storage.h"
#include "app/today.h"

namespace gt::app {

struct Services {
  Services(Storage& s, const Today& t, ServicesSettings cfg)
      : storage(s),
        today(t),
        settings(std::move(cfg)),
        accounts(s),
        casework(s, t),
        organisations(s, t, settings),
        sharing(s, t, settings),
        family(s, t, settings),
        advice(s, t, settings),
        schools(s, t, settings),
        documents(s, t, settings),
        outbox(s, t, settings),
        plans(s, t, settings, casework),
        reviews(s, t, settings, casework, plans),
        ceasing(s, t, settings, casework, plans),
        quality(s, t, settings, casework, plans),
        delivery(s, t, settings, casework, plans) {}
  Services(const Services&) = delete;
  Services& operator=(const Services&) = delete;

  Storage& storage;
  const Today& today;
  const ServicesSettings settings;
  Accounts accounts;
  Casework casework;
  Organisations organisations;
  Sharing sharing;
  Family family;
  Advice advice;
  Schools schools;
  Documents documents;
  Outbox outbox;
  Plans plans;
  Reviews reviews;
  Ceasing ceasing;
  Quality quality;
  Delivery delivery;
};

}  // namespace gt::app
