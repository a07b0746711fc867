// Child, needs and placements <-> their store rows: the one mapping between domain and store.
// Empty identifiers are stored as NULL (so the unique UPN and ULN indexes ignore them) and read
// back as empty strings.
#pragma once

#include "domain/child.h"
#include "domain/placement.h"
#include "domain/sen_needs.h"
#include "store/records.h"

namespace gt::app {

store::ChildRow child_to_row(const Child& c);
Child child_from_row(const store::ChildRow& r);
SenNeeds needs_from_row(const store::NeedsRow& r);
store::PlacementRow placement_to_row(std::int64_t child_id, const Placement& p);
Placement placement_from_row(const store::PlacementRow& r);

}  // namespace gt::app
