// Child <-> store::ChildRow: the one mapping between the domain's child and the store's row.
// Empty identifiers are stored as NULL (so the unique UPN and ULN indexes ignore them) and read
// back as empty strings.
#pragma once

#include "domain/child.h"
#include "store/records.h"

namespace gt::app {

store::ChildRow child_to_row(const Child& c);
Child child_from_row(const store::ChildRow& r);

}  // namespace gt::app
