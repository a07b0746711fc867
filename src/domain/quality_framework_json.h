// Quality framework JSON: a framework version as one JSON document, the form in which each
// version is stored (one immutable row per version, store/quality_store.h).
//
// Contract:
//  - framework_to_json writes every field; framework_from_json(framework_to_json(f)) == f.
//  - framework_from_json throws std::runtime_error naming the field for anything that is not the
//    documented shape (a stored version is only ever written by framework_to_json, so this means
//    a damaged database). It does not check meaning: that is validate_framework.
//  - Pure: no I/O.
#pragma once

#include <string>
#include <string_view>

#include "domain/quality_framework.h"

namespace gt {

std::string framework_to_json(const QualityFramework& f);
QualityFramework framework_from_json(std::string_view json);

bool operator==(const QualityCriterion& a, const QualityCriterion& b);
bool operator==(const QualityFramework& a, const QualityFramework& b);

}  // namespace gt
