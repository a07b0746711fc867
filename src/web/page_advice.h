// Advice pages (page_advice.cc): asking an organisation for advice, the advice giver's inbox and
// answers, the council's and the family's answers to an offer of reuse. This header gives the
// case page its "Advice" section, worded and tagged the same way as the advice pages.
//
// Contract of case_advice_data: sets `advice_requests` (each: reference, organisation, type,
// asked on, due by, a status tag whose text carries the meaning, and the request's page),
// `has_advice_requests` and `ask_advice_href` (/cases/{id}/advice/new).
#pragma once

#include <cstdint>
#include <vector>

#include "domain/date.h"
#include "store/advice_store.h"
#include "web/page_layout.h"

namespace gt::web {

void case_advice_data(Data& body, std::int64_t case_id, const std::vector<store::AdviceRequestRow>& requests,
                      Date today);

}  // namespace gt::web
