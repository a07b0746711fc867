// uk_date_of: the civil date in England at a given instant (GMT in winter, BST in summer: from
// 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October). The
// statutory clock counts in England's days, so "today" is always computed with this. Pure.
#pragma once

#include <cstdint>

#include "domain/date.h"

namespace gt {

Date uk_date_of(std::int64_t unix_seconds);

}  // namespace gt
